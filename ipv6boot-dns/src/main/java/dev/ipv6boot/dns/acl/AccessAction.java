package dev.ipv6boot.dns.acl;

/** What the forwarder does with a query from a client, after unbound's {@code access-control} actions. */
public enum AccessAction {
    /** Answered; like unbound, a query without RD gets REFUSED unless a local record answers it. */
    ALLOW,
    /** Answered, queries without RD too (cache snooping allowed): unbound's {@code allow_snoop}. */
    ALLOW_SNOOP,
    /** Answered with REFUSED, counted. */
    REFUSE,
    /** Dropped without an answer, counted. */
    DENY
}
