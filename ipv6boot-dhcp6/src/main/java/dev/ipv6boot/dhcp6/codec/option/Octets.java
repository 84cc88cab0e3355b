package dev.ipv6boot.dhcp6.codec.option;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Network-order (big-endian, RFC 9915 §7.1 "all values in network byte order") reads and writes of a byte array,
 * one machine access each. The view validates and answers from one copy of a message's octets, and the writer
 * stages a message in an array, because every {@code ByteBuf} access checks the reference count and bounds,
 * and on JDK 24+ (no Unsafe) goes through a {@code ByteBuffer} as well.
 */
public final class Octets {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Octets() {
    }

    /** The unsigned octet at {@code i}. */
    public static int u8(byte[] a, int i) {
        return a[i] & 0xff;
    }

    /** The unsigned 16-bit integer at {@code i}. */
    public static int u16(byte[] a, int i) {
        return (short) SHORT.get(a, i) & 0xffff;
    }

    /** The 32-bit integer at {@code i}, as the int of the same bits (for fields compared as bit patterns). */
    public static int s32(byte[] a, int i) {
        return (int) INT.get(a, i);
    }

    /** The unsigned 32-bit integer at {@code i}. */
    public static long u32(byte[] a, int i) {
        return (int) INT.get(a, i) & 0xffffffffL;
    }

    /** The unsigned 48-bit integer at {@code i} (a MAC address). */
    public static long u48(byte[] a, int i) {
        return (long) u16(a, i) << 32 | u32(a, i + 2);
    }

    /** The 64-bit integer at {@code i} (half an IPv6 address). */
    public static long s64(byte[] a, int i) {
        return (long) LONG.get(a, i);
    }

    /** Writes the low 16 bits of {@code v} at {@code i}. */
    public static void put16(byte[] a, int i, int v) {
        SHORT.set(a, i, (short) v);
    }

    /** Writes {@code v} at {@code i}. */
    public static void put32(byte[] a, int i, int v) {
        INT.set(a, i, v);
    }

    /** Writes the low 48 bits of {@code v} at {@code i} (a MAC address). */
    public static void put48(byte[] a, int i, long v) {
        SHORT.set(a, i, (short) (v >>> 32));
        INT.set(a, i + 2, (int) v);
    }

    /** Writes {@code v} at {@code i}. */
    public static void put64(byte[] a, int i, long v) {
        LONG.set(a, i, v);
    }

    /** Whether the {@code length} octets at {@code i} are exactly the ASCII characters of {@code text}. */
    public static boolean equalsAscii(byte[] a, int i, int length, CharSequence text) {
        return length == text.length() && regionMatchesAscii(a, i, text);
    }

    /** Whether the {@code length} octets at {@code i} begin with the ASCII characters of {@code prefix}. */
    public static boolean startsWithAscii(byte[] a, int i, int length, CharSequence prefix) {
        return length >= prefix.length() && regionMatchesAscii(a, i, prefix);
    }

    private static boolean regionMatchesAscii(byte[] a, int i, CharSequence text) {
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c > 0x7f || a[i + k] != (byte) c) {
                return false;
            }
        }
        return true;
    }
}
