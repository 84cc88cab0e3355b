package dev.ipv6boot.http.tftp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;

/** TFTP opcodes and the writers of the packets this read-only server sends (RFC 1350 §5, RFC 2347). */
final class TftpPacket {
    static final int RRQ = 1;
    static final int WRQ = 2;
    static final int DATA = 3;
    static final int ACK = 4;
    static final int ERROR = 5;
    static final int OACK = 6;

    /** RFC 1350 §5 error codes. */
    static final int ERROR_UNDEFINED = 0;
    static final int ERROR_NOT_FOUND = 1;
    static final int ERROR_ACCESS_VIOLATION = 2;
    static final int ERROR_ILLEGAL_OPERATION = 4;
    static final int ERROR_UNKNOWN_TID = 5;
    /** RFC 2347 §2: the client refuses the options in an OACK. */
    static final int ERROR_OPTION_REFUSED = 8;

    private TftpPacket() {
    }

    /** ERROR: 2 bytes opcode 5, 2 bytes code, message, NUL (RFC 1350 §5). The caller owns the result. */
    static ByteBuf error(ByteBufAllocator alloc, int code, String message) {
        byte[] text = message.getBytes(StandardCharsets.US_ASCII);
        ByteBuf buf = alloc.ioBuffer(5 + text.length);
        buf.writeShort(ERROR).writeShort(code).writeBytes(text).writeByte(0);
        return buf;
    }

    /** DATA header: 2 bytes opcode 3, 2 bytes block number (modulo 65536); the caller appends the data. */
    static ByteBuf dataHeader(ByteBufAllocator alloc, int dataLength, long block) {
        ByteBuf buf = alloc.ioBuffer(4 + dataLength);
        buf.writeShort(DATA).writeShort((int) (block & 0xffff));
        return buf;
    }

    /** OACK: 2 bytes opcode 6, then option NUL value NUL per accepted option (RFC 2347 §2). */
    static ByteBuf oack(ByteBufAllocator alloc, int blockSize, long tsize, int timeout, int windowSize) {
        ByteBuf buf = alloc.ioBuffer(64);
        buf.writeShort(OACK);
        if (blockSize > 0) {
            option(buf, "blksize", blockSize);
        }
        if (tsize >= 0) {
            option(buf, "tsize", tsize);
        }
        if (timeout > 0) {
            option(buf, "timeout", timeout);
        }
        if (windowSize > 0) {
            option(buf, "windowsize", windowSize);
        }
        return buf;
    }

    private static void option(ByteBuf buf, String name, long value) {
        buf.writeCharSequence(name, StandardCharsets.US_ASCII);
        buf.writeByte(0);
        buf.writeCharSequence(Long.toString(value), StandardCharsets.US_ASCII);
        buf.writeByte(0);
    }
}
