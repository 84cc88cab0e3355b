package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * DHCP Unique Identifier (RFC 9915 §11), the data of Client Identifier (1, §21.2) and Server Identifier
 * (2, §21.3): a 2-octet type, then at most 128 octets whose layout depends on the type.
 */
public final class Duid {
    /** Link-layer address plus time (RFC 9915 §11.2). */
    public static final int LLT = 1;
    /** Vendor-assigned unique ID based on enterprise number (RFC 9915 §11.3). */
    public static final int EN = 2;
    /** Link-layer address (RFC 9915 §11.4). */
    public static final int LL = 3;
    /** Universally unique identifier (RFC 6355 §4). */
    public static final int UUID = 4;

    /** The longest DUID, type included: 128 octets after the 2-octet type (RFC 9915 §11.1). */
    public static final int MAX_LENGTH = 130;
    /** The shortest DUID: the type and at least one octet (RFC 9915 §11.1). */
    public static final int MIN_LENGTH = 3;
    /** Hardware type 1, Ethernet (IANA ARP hardware types, RFC 826). */
    public static final int HARDWARE_ETHERNET = 1;

    private Duid() {
    }

    /** 2 octets DUID-Type, RFC 9915 §11.1. */
    public static int type(ByteBuf buf, int offset) {
        return buf.getUnsignedShort(offset);
    }

    /** The shortest valid DUID of {@code type}, type code included; {@link #MIN_LENGTH} for unknown types. */
    public static int minimumLength(int type) {
        switch (type) {
            case LLT: return 8;  // type 2, hardware type 2, time 4, then the address (RFC 9915 §11.2)
            case EN: return 6;   // type 2, enterprise-number 4, then the identifier (RFC 9915 §11.3)
            case LL: return 4;   // type 2, hardware type 2, then the address (RFC 9915 §11.4)
            case UUID: return 18; // type 2, UUID 16 (RFC 6355 §4)
            default: return MIN_LENGTH;
        }
    }

    /** The only valid length of a DUID of {@code type}, or -1 when it varies (only DUID-UUID is fixed). */
    public static int fixedLength(int type) {
        return type == UUID ? 18 : -1;
    }

    /** 2 octets hardware type of DUID-LLT/DUID-LL, RFC 9915 §11.2, §11.4. */
    public static int hardwareType(ByteBuf buf, int offset) {
        return buf.getUnsignedShort(offset + 2);
    }

    /** 4 octets time of DUID-LLT, seconds since 2000-01-01 UTC mod 2^32, RFC 9915 §11.2. */
    public static long time(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset + 4);
    }

    /** 4 octets enterprise number of DUID-EN, RFC 9915 §11.3. */
    public static long enterpriseNumber(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset + 2);
    }

    /** Where the link-layer address (LLT, LL), identifier (EN) or UUID starts, relative to the DUID. */
    public static int identifierStart(int type) {
        switch (type) {
            case LLT: return 8;
            case EN: return 6;
            case LL: return 4;
            default: return 2;
        }
    }

    /**
     * The 48-bit Ethernet MAC of a DUID-LLT or DUID-LL with hardware type 1 and a 6-octet address, or -1.
     * The identity rule of DESIGN.md prefers this to the DUID itself.
     */
    public static long ethernetAddress(ByteBuf buf, int offset, int length) {
        int type = type(buf, offset);
        int start = identifierStart(type);
        if ((type != LLT && type != LL) || length != start + 6 || hardwareType(buf, offset) != HARDWARE_ETHERNET) {
            return -1;
        }
        return ((long) buf.getUnsignedShort(offset + start) << 32) | buf.getUnsignedInt(offset + start + 2);
    }

    /** 2 octets DUID-Type, RFC 9915 §11.1, of the DUID at index {@code i} of {@code a}. */
    public static int type(byte[] a, int i) {
        return Octets.u16(a, i);
    }

    /** {@link #ethernetAddress(ByteBuf, int, int)} over the octets of {@code a} from index {@code i}. */
    public static long ethernetAddress(byte[] a, int i, int length) {
        int type = type(a, i);
        int start = identifierStart(type);
        if ((type != LLT && type != LL) || length != start + 6 || Octets.u16(a, i + 2) != HARDWARE_ETHERNET) {
            return -1;                                         // 2 octets hardware type, RFC 9915 §11.2, §11.4
        }
        return Octets.u48(a, i + start);
    }

    /** Writes a DUID-LLT with a 6-octet Ethernet address (RFC 9915 §11.2): 14 octets. */
    public static void writeLlt(ByteBuf out, int hardwareType, long time, long mac48) {
        out.writeShort(LLT);                       // 2 octets DUID-Type 1
        out.writeShort(hardwareType);              // 2 octets hardware type
        out.writeInt((int) time);                  // 4 octets time
        writeMac48(out, mac48);                    // link-layer address
    }

    /** Writes a DUID-LL with a 6-octet Ethernet address (RFC 9915 §11.4): 10 octets. */
    public static void writeLl(ByteBuf out, int hardwareType, long mac48) {
        out.writeShort(LL);                        // 2 octets DUID-Type 3
        out.writeShort(hardwareType);              // 2 octets hardware type
        writeMac48(out, mac48);                    // link-layer address
    }

    /** Writes a DUID-UUID (RFC 6355 §4): 18 octets. */
    public static void writeUuid(ByteBuf out, long mostSignificant, long leastSignificant) {
        out.writeShort(UUID);                      // 2 octets DUID-Type 4
        out.writeLong(mostSignificant);            // 16 octets UUID, network order
        out.writeLong(leastSignificant);
    }

    /** Writes the head of a DUID-EN (RFC 9915 §11.3); the identifier follows. 6 octets. */
    public static void writeEnHeader(ByteBuf out, long enterpriseNumber) {
        out.writeShort(EN);                        // 2 octets DUID-Type 2
        out.writeInt((int) enterpriseNumber);      // 4 octets enterprise-number
    }

    static void writeMac48(ByteBuf out, long mac48) {
        out.writeShort((int) (mac48 >>> 32));
        out.writeInt((int) mac48);
    }

    /** {@link #writeLlt(ByteBuf, int, long, long)} into {@code a} at index {@code i}: 14 octets. */
    public static void writeLlt(byte[] a, int i, int hardwareType, long time, long mac48) {
        Octets.put16(a, i, LLT);                   // 2 octets DUID-Type 1, RFC 9915 §11.2
        Octets.put16(a, i + 2, hardwareType);      // 2 octets hardware type
        Octets.put32(a, i + 4, (int) time);        // 4 octets time
        Octets.put48(a, i + 8, mac48);             // link-layer address
    }

    /** {@link #writeLl(ByteBuf, int, long)} into {@code a} at index {@code i}: 10 octets. */
    public static void writeLl(byte[] a, int i, int hardwareType, long mac48) {
        Octets.put16(a, i, LL);                    // 2 octets DUID-Type 3, RFC 9915 §11.4
        Octets.put16(a, i + 2, hardwareType);      // 2 octets hardware type
        Octets.put48(a, i + 4, mac48);             // link-layer address
    }

    /** {@link #writeUuid(ByteBuf, long, long)} into {@code a} at index {@code i}: 18 octets. */
    public static void writeUuid(byte[] a, int i, long mostSignificant, long leastSignificant) {
        Octets.put16(a, i, UUID);                  // 2 octets DUID-Type 4, RFC 6355 §4
        Octets.put64(a, i + 2, mostSignificant);   // 16 octets UUID, network order
        Octets.put64(a, i + 10, leastSignificant);
    }

    /** {@link #writeEnHeader(ByteBuf, long)} into {@code a} at index {@code i}: 6 octets. */
    public static void writeEnHeader(byte[] a, int i, long enterpriseNumber) {
        Octets.put16(a, i, EN);                    // 2 octets DUID-Type 2, RFC 9915 §11.3
        Octets.put32(a, i + 2, (int) enterpriseNumber); // 4 octets enterprise-number
    }
}
