package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Reconfigure Message (option 19, RFC 9915 §21.19: one octet, the message type the client is to send) and
 * Reconfigure Accept (option 20, §21.20: no data).
 */
public final class Reconfigure {
    public static final int MESSAGE_LENGTH = 1;
    public static final int ACCEPT_LENGTH = 0;

    private Reconfigure() {
    }

    /** 1 octet msg-type (5 Renew, 6 Rebind, 11 Information-request), RFC 9915 §21.19. */
    public static int messageType(ByteBuf buf, int offset) {
        return buf.getUnsignedByte(offset);
    }
}
