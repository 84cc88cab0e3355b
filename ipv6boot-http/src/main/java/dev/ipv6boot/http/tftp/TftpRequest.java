package dev.ipv6boot.http.tftp;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A parsed RRQ or WRQ (RFC 1350 §5) with the options of RFC 2347-2349 and RFC 7440 that this server knows.
 * Unknown options are ignored (RFC 2347: never acknowledged); an option value outside its RFC range is ignored
 * the same way, so the transfer falls back to the RFC 1350 default.
 *
 * @param opcode      {@link TftpPacket#RRQ} or {@link TftpPacket#WRQ}
 * @param filename    as sent (netascii, RFC 1350 §5)
 * @param mode        lower-cased: {@code octet}, {@code netascii} or other
 * @param blockSize   RFC 2348 blksize 8-65464, or -1
 * @param tsize       true when RFC 2349 tsize was asked
 * @param timeout     RFC 2349 timeout in seconds 1-255, or -1
 * @param windowSize  RFC 7440 windowsize 1-65535, or -1
 */
record TftpRequest(int opcode, String filename, String mode, int blockSize, boolean tsize, int timeout, int windowSize) {
    static final int MAX_OPTIONS = 16;

    boolean hasOptions() {
        return blockSize > 0 || tsize || timeout > 0 || windowSize > 0;
    }

    /**
     * Parses a request from {@code packet}'s readable bytes, starting at the opcode. Borrows the buffer
     * (neither retains nor releases it). Returns null when the packet is malformed: a string without its NUL,
     * an empty file name or mode, an option without a value, more than {@link #MAX_OPTIONS} options.
     */
    static TftpRequest parse(ByteBuf packet) {
        int end = packet.writerIndex();
        int position = packet.readerIndex();
        if (end - position < 2) {
            return null;
        }
        int opcode = packet.getUnsignedShort(position); // 2 bytes opcode, RFC 1350 §5
        position += 2;
        String filename = string(packet, position, end);
        if (filename == null || filename.isEmpty()) {
            return null;
        }
        position += filename.length() + 1;
        String mode = string(packet, position, end);
        if (mode == null || mode.isEmpty()) {
            return null;
        }
        position += mode.length() + 1;
        int blockSize = -1;
        boolean tsize = false;
        int timeout = -1;
        int windowSize = -1;
        int options = 0;
        // RFC 2347 §2: option name NUL value NUL, repeated; names are case-insensitive.
        while (position < end) {
            String name = string(packet, position, end);
            if (name == null) {
                return null;
            }
            position += name.length() + 1;
            String value = string(packet, position, end);
            if (value == null || ++options > MAX_OPTIONS) {
                return null;
            }
            position += value.length() + 1;
            long number = number(value);
            switch (name.toLowerCase(Locale.ROOT)) {
                case "blksize" -> blockSize = number >= 8 && number <= 65464 ? (int) number : blockSize; // RFC 2348
                case "tsize" -> tsize = number >= 0;                                                    // RFC 2349
                case "timeout" -> timeout = number >= 1 && number <= 255 ? (int) number : timeout;       // RFC 2349
                case "windowsize" -> windowSize = number >= 1 && number <= 65535 ? (int) number : windowSize; // RFC 7440
                default -> {
                    // unknown option: ignored, not acknowledged (RFC 2347 §2)
                }
            }
        }
        return new TftpRequest(opcode, filename, mode.toLowerCase(Locale.ROOT), blockSize, tsize, timeout, windowSize);
    }

    /** The NUL-terminated string at {@code position}, or null when no NUL comes before {@code end}. */
    private static String string(ByteBuf packet, int position, int end) {
        int nul = packet.indexOf(position, end, (byte) 0);
        if (nul < 0) {
            return null;
        }
        // RFC 1350 strings are netascii; ISO-8859-1 keeps each byte one char, so lengths stay byte counts.
        return packet.toString(position, nul - position, StandardCharsets.ISO_8859_1);
    }

    private static long number(String value) {
        if (value.isEmpty() || value.length() > 12) {
            return -1;
        }
        long result = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }
}
