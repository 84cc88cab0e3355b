package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Boot File Parameters (option 60, RFC 5970 §3.2): parameters each with a 2-octet length, in the
 * {@link UserClass} item layout. Never send it to EDK2, which fails on it although its ORO asks for it.
 */
public final class BootFileParameters {

    private BootFileParameters() {
    }

    /** How many parameters the option at {@code offset} holds. */
    public static int count(ByteBuf buf, int offset, int length) {
        return UserClass.itemCount(buf, offset, length);
    }
}
