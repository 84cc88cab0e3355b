package dev.ipv6boot.dhcp6.policy;

import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;

/**
 * A compiled test of a received message: a class expression or a rule condition. Implementations allocate
 * nothing and never throw on any message a {@link Dhcp6MessageView} accepted.
 */
@FunctionalInterface
public interface Dhcp6Predicate {

    /**
     * @param received the message as received (a Relay-forw chain or a client message), borrowed
     * @param classes  the classes the message is already known to belong to, one bit per
     *                 {@link ClientClass#index()}; {@code member('NAME')} reads it
     */
    boolean test(Dhcp6MessageView received, long classes);

    /** Always true: the {@code else} of a rule chain. */
    Dhcp6Predicate ALWAYS = (received, classes) -> true;

    /** Always false. */
    Dhcp6Predicate NEVER = (received, classes) -> false;
}
