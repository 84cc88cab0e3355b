/**
 * The advertiser that replaces radvd on a boot network: periodic and solicited Router Advertisements on a raw
 * ICMPv6 socket, with the timing rules of RFC 4861 §6.2.4-6.2.6, unicast solicited RAs (RFC 7772) and no
 * fragmentation (RFC 6980). The socket uses the FFM API and so needs Java 22+; everything else loads on 17.
 */
package dev.ipv6boot.ndp.sender;
