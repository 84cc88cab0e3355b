package dev.ipv6boot.dhcp6.codec;

/**
 * A DHCPv6 message type (IANA "Message Types" registry; RFC 9915 §7.3 and later registrations). An open
 * value class: {@link #valueOf(int)} never throws and returns a shared instance for every octet value, named
 * {@code UNKNOWN(n)} when unassigned, so unknown messages are carried, not rejected.
 */
public final class Dhcp6MessageType implements Comparable<Dhcp6MessageType> {

    private static final Dhcp6MessageType[] VALUES = new Dhcp6MessageType[256];

    public static final Dhcp6MessageType SOLICIT = register(1, "SOLICIT", "Solicit");
    public static final Dhcp6MessageType ADVERTISE = register(2, "ADVERTISE", "Advertise");
    public static final Dhcp6MessageType REQUEST = register(3, "REQUEST", "Request");
    public static final Dhcp6MessageType CONFIRM = register(4, "CONFIRM", "Confirm");
    public static final Dhcp6MessageType RENEW = register(5, "RENEW", "Renew");
    public static final Dhcp6MessageType REBIND = register(6, "REBIND", "Rebind");
    public static final Dhcp6MessageType REPLY = register(7, "REPLY", "Reply");
    public static final Dhcp6MessageType RELEASE = register(8, "RELEASE", "Release");
    public static final Dhcp6MessageType DECLINE = register(9, "DECLINE", "Decline");
    public static final Dhcp6MessageType RECONFIGURE = register(10, "RECONFIGURE", "Reconfigure");
    public static final Dhcp6MessageType INFORMATION_REQUEST =
            register(11, "INFORMATION-REQUEST", "Information-request");
    public static final Dhcp6MessageType RELAY_FORW = register(12, "RELAY-FORW", "Relay-forw");
    public static final Dhcp6MessageType RELAY_REPL = register(13, "RELAY-REPL", "Relay-repl");
    public static final Dhcp6MessageType LEASEQUERY = register(14, "LEASEQUERY", "Leasequery");           // RFC 5007
    public static final Dhcp6MessageType LEASEQUERY_REPLY = register(15, "LEASEQUERY-REPLY", "Leasequery-reply");
    public static final Dhcp6MessageType LEASEQUERY_DONE = register(16, "LEASEQUERY-DONE", "Leasequery-done"); // RFC 5460
    public static final Dhcp6MessageType LEASEQUERY_DATA = register(17, "LEASEQUERY-DATA", "Leasequery-data");
    public static final Dhcp6MessageType RECONFIGURE_REQUEST =
            register(18, "RECONFIGURE-REQUEST", "Reconfigure-request");                                   // RFC 6977
    public static final Dhcp6MessageType RECONFIGURE_REPLY = register(19, "RECONFIGURE-REPLY", "Reconfigure-reply");
    public static final Dhcp6MessageType DHCPV4_QUERY = register(20, "DHCPV4-QUERY", "DHCPv4-query");     // RFC 7341
    public static final Dhcp6MessageType DHCPV4_RESPONSE = register(21, "DHCPV4-RESPONSE", "DHCPv4-response");
    public static final Dhcp6MessageType ACTIVELEASEQUERY =
            register(22, "ACTIVELEASEQUERY", "Activeleasequery");                                         // RFC 7653
    public static final Dhcp6MessageType STARTTLS = register(23, "STARTTLS", "StartTLS");
    public static final Dhcp6MessageType BNDUPD = register(24, "BNDUPD", "BndUpd");                       // RFC 8156
    public static final Dhcp6MessageType BNDREPLY = register(25, "BNDREPLY", "BndReply");
    public static final Dhcp6MessageType POOLREQ = register(26, "POOLREQ", "PoolReq");
    public static final Dhcp6MessageType POOLRESP = register(27, "POOLRESP", "PoolResp");
    public static final Dhcp6MessageType UPDREQ = register(28, "UPDREQ", "UpdReq");
    public static final Dhcp6MessageType UPDREQALL = register(29, "UPDREQALL", "UpdReqAll");
    public static final Dhcp6MessageType UPDDONE = register(30, "UPDDONE", "UpdDone");
    public static final Dhcp6MessageType CONNECT = register(31, "CONNECT", "Connect");
    public static final Dhcp6MessageType CONNECTREPLY = register(32, "CONNECTREPLY", "ConnectReply");
    public static final Dhcp6MessageType DISCONNECT = register(33, "DISCONNECT", "Disconnect");
    public static final Dhcp6MessageType STATE = register(34, "STATE", "State");
    public static final Dhcp6MessageType CONTACT = register(35, "CONTACT", "Contact");
    public static final Dhcp6MessageType ADDR_REG_INFORM = register(36, "ADDR-REG-INFORM", "Addr-reg-inform"); // RFC 9686
    public static final Dhcp6MessageType ADDR_REG_REPLY = register(37, "ADDR-REG-REPLY", "Addr-reg-reply");

    static {
        for (int i = 0; i < VALUES.length; i++) {
            if (VALUES[i] == null) {
                String name = "UNKNOWN(" + i + ")";
                VALUES[i] = new Dhcp6MessageType(i, name, name, false);
            }
        }
    }

    private final int value;
    private final String name;
    private final String title;
    private final boolean assigned;

    private Dhcp6MessageType(int value, String name, String title, boolean assigned) {
        this.value = value;
        this.name = name;
        this.title = title;
        this.assigned = assigned;
    }

    private static Dhcp6MessageType register(int value, String name, String title) {
        Dhcp6MessageType type = new Dhcp6MessageType(value, name, title, true);
        VALUES[value] = type;
        return type;
    }

    /** The shared instance for {@code value}'s low octet; never throws, never allocates. */
    public static Dhcp6MessageType valueOf(int value) {
        return VALUES[value & 0xff];
    }

    /** Whether {@code messageType} uses the relay agent/server layout of RFC 9915 §9 (Relay-forw, Relay-repl). */
    public static boolean isRelay(int messageType) {
        return messageType == 12 || messageType == 13;
    }

    public int value() {
        return value;
    }

    /** The registry name, {@code "SOLICIT"}, or {@code "UNKNOWN(n)"}. */
    public String name() {
        return name;
    }

    /** A title for printing, {@code "Solicit"}. */
    public String title() {
        return title;
    }

    /** Whether IANA has assigned this value. */
    public boolean isAssigned() {
        return assigned;
    }

    /** Whether this type uses the relay layout (hop count, link and peer address) of RFC 9915 §9. */
    public boolean isRelay() {
        return isRelay(value);
    }

    @Override
    public int compareTo(Dhcp6MessageType other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return name;
    }
}
