package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An option this codec does not interpret, or a known one in a form it does not model (a non-Ethernet link-layer
 * address, a PREF64 with an unassigned length code): its body after the two header bytes, kept byte for byte.
 */
public record UnknownOption(int type, byte[] body) implements NdpOption {

    public UnknownOption {
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("option type is one byte: " + type);
        }
        if ((body.length + 2) % 8 != 0 || body.length + 2 > 255 * 8) {
            throw new IllegalArgumentException("option body must be 8n-2 bytes, n in 1..255: " + body.length);
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int encodedLength() {
        return body.length + 2;
    }

    @Override
    public void writeTo(ByteBuf out) {
        NdpOption.writeHeader(out, type, encodedLength());
        out.writeBytes(body);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnknownOption that && type == that.type && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownOption[type=" + type + ", body=" + HexFormat.of().formatHex(body) + "]";
    }
}
