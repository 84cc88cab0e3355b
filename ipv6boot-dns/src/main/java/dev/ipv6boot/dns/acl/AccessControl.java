package dev.ipv6boot.dns.acl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Who may use the forwarder, with unbound's {@code access-control} semantics: the most specific matching
 * prefix decides, whatever the order of the lines. Unlike unbound, whose implicit default for everything
 * else is {@code refuse}, ours is {@link AccessAction#DENY}: a REFUSED answer is still an answer, and a
 * forwarder reachable from outside should not answer at all. Loopback ({@code 127.0.0.0/8}, {@code ::1})
 * is allowed unless a rule says otherwise, as in unbound. IPv4-mapped IPv6 sources (dual-stack sockets)
 * are matched as the IPv4 address they carry.
 */
public final class AccessControl {
    private static final List<AccessRule> LOOPBACK = List.of(
            AccessRule.parse("127.0.0.0/8", AccessAction.ALLOW),
            AccessRule.parse("::1", AccessAction.ALLOW));

    private final List<AccessRule> rules;           // most specific first
    private final AccessAction fallback;
    // The rules again as arrays, so that deciding copies no address and walks no iterator (once per query).
    private final byte[][] networks;
    private final int[] prefixLengths;
    private final AccessAction[] actions;

    private AccessControl(List<AccessRule> configured, AccessAction fallback) {
        List<AccessRule> all = new ArrayList<>(LOOPBACK);
        for (AccessRule rule : configured) {
            all.removeIf(r -> r.network().equals(rule.network()) && r.prefixLength() == rule.prefixLength());
            all.add(rule);
        }
        all.sort(Comparator.comparingInt(AccessRule::prefixLength).reversed());
        this.rules = List.copyOf(all);
        this.fallback = fallback;
        this.networks = new byte[rules.size()][];
        this.prefixLengths = new int[rules.size()];
        this.actions = new AccessAction[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            networks[i] = rules.get(i).network().getAddress();
            prefixLengths[i] = rules.get(i).prefixLength();
            actions[i] = rules.get(i).action();
        }
    }

    /** Loopback allowed, everything else denied. */
    public static AccessControl loopbackOnly() {
        return new AccessControl(List.of(), AccessAction.DENY);
    }

    /** The given rules over the loopback defaults; everything unmatched denied. */
    public static AccessControl of(List<AccessRule> rules) {
        return new AccessControl(rules, AccessAction.DENY);
    }

    /** The given rules over the loopback defaults; everything unmatched gets {@code fallback}. */
    public static AccessControl of(List<AccessRule> rules, AccessAction fallback) {
        return new AccessControl(rules, fallback);
    }

    /**
     * Reads the {@code access-control:} lines of an unbound configuration (other lines are ignored). Actions
     * {@code allow}, {@code allow_snoop}, {@code refuse} and {@code deny} are supported; the {@code *_non_local}
     * and {@code allow_setrd} variants depend on unbound's local zones and are rejected rather than guessed.
     */
    public static AccessControl fromUnboundConfig(String config) {
        List<AccessRule> rules = new ArrayList<>();
        int lineNumber = 0;
        for (String line : config.split("\n")) {
            lineNumber++;
            String text = line.replaceFirst("#.*", "").trim();
            if (!text.startsWith("access-control:")) {
                continue;
            }
            String[] words = text.substring("access-control:".length()).trim().split("\\s+");
            if (words.length != 2) {
                throw new IllegalArgumentException("line " + lineNumber + ": expected a netblock and an action: " + line);
            }
            rules.add(AccessRule.parse(words[0], action(words[1], lineNumber)));
        }
        return of(rules);
    }

    private static AccessAction action(String word, int lineNumber) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "allow" -> AccessAction.ALLOW;
            case "allow_snoop" -> AccessAction.ALLOW_SNOOP;
            case "refuse" -> AccessAction.REFUSE;
            case "deny" -> AccessAction.DENY;
            default -> throw new IllegalArgumentException("line " + lineNumber + ": access-control action '" + word
                    + "' is not supported (allow, allow_snoop, refuse, deny)");
        };
    }

    /** The action for a client address. */
    public AccessAction decide(InetAddress client) {
        byte[] address = client.getAddress();
        int offset = 0;
        int length = address.length;
        if (length == 16 && isV4Mapped(address)) {
            offset = 12;                                 // ::ffff:a.b.c.d is matched as a.b.c.d
            length = 4;
        }
        for (int i = 0; i < networks.length; i++) {
            if (matches(networks[i], prefixLengths[i], address, offset, length)) {
                return actions[i];
            }
        }
        return fallback;
    }

    /** True when the {@code length} address bytes at {@code offset} lie in {@code network}/{@code prefixLength}. */
    static boolean matches(byte[] network, int prefixLength, byte[] address, int offset, int length) {
        if (network.length != length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (network[i] != address[offset + i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (network[full] & mask) == (address[offset + full] & mask);
    }

    // RFC 4291 §2.5.5.2: 80 zero bits, 16 one bits, the IPv4 address.
    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    /** The effective rules, most specific first (loopback defaults included). */
    public List<AccessRule> rules() {
        return rules;
    }

    public AccessAction fallback() {
        return fallback;
    }

    /** IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}) as the IPv4 address; scope IDs dropped. */
    static InetAddress canonical(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            try {
                if (isV4Mapped(b)) {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                }
                if (((Inet6Address) address).getScopeId() != 0 || ((Inet6Address) address).getScopedInterface() != null) {
                    return InetAddress.getByAddress(b);
                }
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
            return address;
        }
        if (address instanceof Inet4Address) {
            return address;
        }
        throw new IllegalArgumentException("unknown address family: " + address);
    }

    @Override
    public String toString() {
        return rules + " else " + fallback.name().toLowerCase(Locale.ROOT);
    }
}
