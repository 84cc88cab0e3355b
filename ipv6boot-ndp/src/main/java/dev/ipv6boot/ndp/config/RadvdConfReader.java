package dev.ipv6boot.ndp.config;

import dev.ipv6boot.ndp.codec.CaptivePortal;
import dev.ipv6boot.ndp.codec.DnsSearchList;
import dev.ipv6boot.ndp.codec.Ipv6Address;
import dev.ipv6boot.ndp.codec.MtuOption;
import dev.ipv6boot.ndp.codec.Pref64;
import dev.ipv6boot.ndp.codec.PrefixInformation;
import dev.ipv6boot.ndp.codec.RecursiveDnsServers;
import dev.ipv6boot.ndp.codec.RouteInformation;
import dev.ipv6boot.ndp.codec.RouterAdvertisement;
import dev.ipv6boot.ndp.codec.RouterPreference;
import dev.ipv6boot.ndp.sender.AdvertisingSettings;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads radvd.conf into {@link RadvdConf}: per interface the RA radvd would send and its timing, with radvd
 * 2.x's defaults (AdvDefaultLifetime 3 × MaxRtrAdvInterval, prefix lifetimes 86400/14400 s, RDNSS and DNSSL
 * lifetime MaxRtrAdvInterval, ...). Supported: the interface directives that shape an RA, {@code prefix}
 * (including radvd's {@code ::/64}, "the prefixes configured on the interface"), {@code route}, {@code RDNSS},
 * {@code DNSSL}, {@code nat64prefix} and AdvCaptivePortalAPI. Unknown or unsupported directives do not fail the
 * read: they are returned as warnings with their line numbers.
 *
 * <pre>{@code
 * RadvdConf conf = RadvdConfReader.systemInterfaces().read(Path.of("/etc/radvd.conf"));
 * conf.warnings().forEach(w -> log.warn("radvd.conf {}", w));
 * }</pre>
 */
public final class RadvdConfReader {
    /** An address assigned to an interface, for resolving {@code prefix ::/64}. */
    public record AssignedAddress(Ipv6Address address, int prefixLength) {
    }

    private final Function<String, List<AssignedAddress>> interfaceAddresses;

    /** A reader resolving {@code ::/N} prefixes with {@code interfaceAddresses} (interface name → addresses). */
    public RadvdConfReader(Function<String, List<AssignedAddress>> interfaceAddresses) {
        this.interfaceAddresses = interfaceAddresses;
    }

    /** A reader resolving {@code ::/N} prefixes against this network namespace's interfaces, as radvd does. */
    public static RadvdConfReader systemInterfaces() {
        return new RadvdConfReader(RadvdConfReader::systemAddresses);
    }

    /**
     * Checks a radvd.conf as {@code radvd --configtest} does and prints, per interface, the RA this module would
     * send (as resolved in this network namespace) and its bytes. Exit status 1 on an unusable file.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RadvdConfReader /etc/radvd.conf");
            System.exit(2);
        }
        RadvdConf conf;
        try {
            conf = systemInterfaces().read(Path.of(args[0]));
        } catch (RadvdConfException e) {
            System.err.println(args[0] + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        for (RadvdInterface i : conf.interfaces()) {
            System.out.println("interface " + i.name() + ": AdvSendAdvert " + (i.sendAdvert() ? "on" : "off")
                    + ", intervals " + i.settings().minInterval().toMillis() / 1000.0 + "-"
                    + i.settings().maxInterval().toMillis() / 1000.0 + " s");
            RouterAdvertisement ra = i.advertisement();
            System.out.println("  hop limit " + ra.curHopLimit() + ", M " + ra.managed() + ", O " + ra.otherConfig()
                    + ", preference " + ra.preference() + ", router lifetime " + ra.routerLifetime() + " s");
            ra.options().forEach(o -> System.out.println("  " + o));
            io.netty.buffer.ByteBuf buf = io.netty.buffer.Unpooled.buffer();
            ra.writeTo(buf);
            System.out.println("  " + io.netty.buffer.ByteBufUtil.hexDump(buf));
            buf.release();
        }
        conf.warnings().forEach(w -> System.out.println("warning: " + w));
    }

    public RadvdConf read(Path file) throws IOException, RadvdConfException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }

    public RadvdConf read(String text) throws RadvdConfException {
        List<Statement> statements = new Parser(tokenize(text)).statements(false);
        List<RadvdInterface> interfaces = new ArrayList<>();
        List<RadvdConfWarning> warnings = new ArrayList<>();
        for (Statement s : statements) {
            if (s.keyword().equals("interface") && s.children() != null && s.words().size() == 2) {
                try {
                    interfaces.add(readInterface(s, warnings));
                } catch (IllegalArgumentException e) {       // a value the codec refuses, e.g. a URI with a space
                    throw new RadvdConfException(s.line(), e.getMessage());
                }
            } else {
                throw new RadvdConfException(s.line(), "expected 'interface NAME { ... };', found '"
                        + String.join(" ", s.words()) + "'");
            }
        }
        warnings.sort(java.util.Comparator.comparingInt(RadvdConfWarning::line));
        return new RadvdConf(interfaces, warnings);
    }

    // ---- interpretation ----

    private RadvdInterface readInterface(Statement block, List<RadvdConfWarning> warnings) throws RadvdConfException {
        String name = block.words().get(1);
        Interface i = new Interface();
        List<Statement> prefixes = new ArrayList<>();
        List<Statement> routes = new ArrayList<>();
        List<Statement> rdnss = new ArrayList<>();
        List<Statement> dnssl = new ArrayList<>();
        List<Statement> nat64 = new ArrayList<>();
        for (Statement s : block.children()) {
            if (s.children() != null) {
                switch (s.keyword().toLowerCase(Locale.ROOT)) {
                    case "prefix" -> prefixes.add(s);
                    case "route" -> routes.add(s);
                    case "rdnss" -> rdnss.add(s);
                    case "dnssl" -> dnssl.add(s);
                    case "nat64prefix" -> nat64.add(s);
                    default -> warnings.add(new RadvdConfWarning(s.line(), "unsupported block '" + s.keyword()
                            + "' ignored"));
                }
                continue;
            }
            interfaceDirective(i, s, warnings);
        }
        double max = i.maxInterval;
        double min = i.minInterval >= 0 ? i.minInterval : (max >= 9 ? 0.33 * max : 0.75 * max);
        if (min > 0.75 * max || max < 4 || max > 1800) {
            if (max < 4 || max > 1800) {
                throw new RadvdConfException(block.line(), "MaxRtrAdvInterval must be 4..1800 s: " + max);
            }
            throw new RadvdConfException(block.line(), "MinRtrAdvInterval must be at most 0.75 × MaxRtrAdvInterval");
        }
        long threeTimesMax = Math.round(3 * max);
        RouterAdvertisement.Builder ra = RouterAdvertisement.builder()
                .curHopLimit(i.curHopLimit)
                .managed(i.managed).otherConfig(i.other).homeAgent(i.homeAgent)
                .preference(i.preference)
                .routerLifetime(i.defaultLifetime >= 0 ? i.defaultLifetime : (int) Math.min(9000, threeTimesMax))
                .reachableTime(i.reachableTime).retransTimer(i.retransTimer);
        // radvd's option order: prefixes, routes, RDNSS, DNSSL, then MTU, PREF64, captive portal (send.c).
        for (Statement p : prefixes) {
            for (PrefixInformation pio : prefix(name, p, warnings)) {
                ra.option(pio);
            }
        }
        for (Statement r : routes) {
            ra.option(route(r, threeTimesMax, warnings));
        }
        for (Statement r : rdnss) {
            ra.option(rdnss(r, Math.round(max), warnings));
        }
        for (Statement d : dnssl) {
            ra.option(dnssl(d, Math.round(max), warnings));
        }
        if (i.linkMtu > 0) {
            ra.option(new MtuOption(i.linkMtu));
        }
        for (Statement n : nat64) {
            ra.option(nat64(n, threeTimesMax, warnings));
        }
        if (i.captivePortal != null) {
            ra.option(new CaptivePortal(i.captivePortal));
        }
        AdvertisingSettings settings = AdvertisingSettings.intervals(millis(min), millis(max))
                .withMinDelayBetweenRas(millis(i.minDelayBetweenRas))
                .withUnicastResponsesPerSecond(i.solicitedUnicast ? 100 : 0)
                .withSourceLinkLayerAddress(i.sourceLinkLayerAddress);
        RouterAdvertisement built;
        try {
            built = ra.build();
        } catch (IllegalArgumentException e) {
            throw new RadvdConfException(block.line(), e.getMessage());
        }
        return new RadvdInterface(name, built, settings, i.sendAdvert, i.ignoreIfMissing);
    }

    /** Interface-level values, -1 meaning "radvd's default, computed once MaxRtrAdvInterval is known". */
    private static final class Interface {
        boolean sendAdvert;
        boolean managed;
        boolean other;
        boolean homeAgent;
        boolean ignoreIfMissing = true;
        boolean sourceLinkLayerAddress = true;
        boolean solicitedUnicast = true;
        double maxInterval = 600;
        double minInterval = -1;
        double minDelayBetweenRas = 3;
        int curHopLimit = 64;
        int defaultLifetime = -1;
        long reachableTime;
        long retransTimer;
        long linkMtu;
        RouterPreference preference = RouterPreference.MEDIUM;
        String captivePortal;
    }

    private static void interfaceDirective(Interface i, Statement s, List<RadvdConfWarning> warnings)
            throws RadvdConfException {
        switch (s.keyword().toLowerCase(Locale.ROOT)) {
            case "advsendadvert" -> i.sendAdvert = bool(s);
            case "advmanagedflag" -> i.managed = bool(s);
            case "advotherconfigflag" -> i.other = bool(s);
            case "advhomeagentflag" -> i.homeAgent = bool(s);
            case "ignoreifmissing" -> i.ignoreIfMissing = bool(s);
            case "advsourcelladdress" -> i.sourceLinkLayerAddress = bool(s);
            case "advrasolicitedunicast" -> i.solicitedUnicast = bool(s);
            case "maxrtradvinterval" -> i.maxInterval = decimal(s);
            case "minrtradvinterval" -> i.minInterval = decimal(s);
            case "mindelaybetweenras" -> i.minDelayBetweenRas = decimal(s);
            case "advcurhoplimit" -> i.curHopLimit = (int) number(s, 255);
            case "advdefaultlifetime" -> i.defaultLifetime = (int) number(s, 65535);
            case "advreachabletime" -> i.reachableTime = number(s, 3_600_000);
            case "advretranstimer" -> i.retransTimer = number(s, 0xffff_ffffL);
            case "advlinkmtu" -> i.linkMtu = number(s, 0xffff_ffffL);
            case "advdefaultpreference" -> i.preference = preference(s);
            case "advcaptiveportalapi" -> i.captivePortal = single(s);
            default -> warnings.add(new RadvdConfWarning(s.line(), "unknown or unsupported directive '"
                    + s.keyword() + "' ignored"));
        }
    }

    private List<PrefixInformation> prefix(String interfaceName, Statement block, List<RadvdConfWarning> warnings)
            throws RadvdConfException {
        Ipv6Address[] prefix = new Ipv6Address[1];
        int length = prefixArgument(block, prefix);
        int flags = PrefixInformation.ON_LINK | PrefixInformation.AUTONOMOUS;
        long valid = 86400;
        long preferred = 14400;
        for (Statement s : block.children()) {
            switch (s.keyword().toLowerCase(Locale.ROOT)) {
                case "advonlink" -> flags = set(flags, PrefixInformation.ON_LINK, bool(s));
                case "advautonomous" -> flags = set(flags, PrefixInformation.AUTONOMOUS, bool(s));
                case "advrouteraddr" -> flags = set(flags, PrefixInformation.ROUTER_ADDRESS, bool(s));
                case "advvalidlifetime" -> valid = lifetime(s);
                case "advpreferredlifetime" -> preferred = lifetime(s);
                default -> warnings.add(new RadvdConfWarning(s.line(), "unknown or unsupported prefix directive '"
                        + s.keyword() + "' ignored"));
            }
        }
        if (preferred > valid) {
            throw new RadvdConfException(block.line(), "AdvPreferredLifetime must not exceed AdvValidLifetime");
        }
        List<Ipv6Address> prefixes = new ArrayList<>();
        if (prefix[0].isUnspecified()) {
            // radvd: "::/N" stands for every non-link-local prefix of length N on the interface.
            for (AssignedAddress a : interfaceAddresses.apply(interfaceName)) {
                Ipv6Address masked = a.address().mask(length);
                boolean linkLocal = (a.address().high() >>> 54) == (0xfe80L >>> 6);
                if (a.prefixLength() == length && !linkLocal && !prefixes.contains(masked)) {
                    prefixes.add(masked);
                }
            }
            if (prefixes.isEmpty()) {
                warnings.add(new RadvdConfWarning(block.line(), "prefix ::/" + length + " matches no address on "
                        + interfaceName + "; nothing advertised for it"));
            }
        } else {
            prefixes.add(prefix[0].mask(length));
        }
        List<PrefixInformation> options = new ArrayList<>();
        for (Ipv6Address p : prefixes) {
            options.add(new PrefixInformation(p, length, flags, valid, preferred));
        }
        return options;
    }

    private static RouteInformation route(Statement block, long defaultLifetime, List<RadvdConfWarning> warnings)
            throws RadvdConfException {
        Ipv6Address[] prefix = new Ipv6Address[1];
        int length = prefixArgument(block, prefix);
        RouterPreference preference = RouterPreference.MEDIUM;
        long lifetime = defaultLifetime;
        for (Statement s : block.children()) {
            switch (s.keyword().toLowerCase(Locale.ROOT)) {
                case "advroutepreference" -> preference = preference(s);
                case "advroutelifetime" -> lifetime = lifetime(s);
                default -> warnings.add(new RadvdConfWarning(s.line(), "unknown or unsupported route directive '"
                        + s.keyword() + "' ignored"));
            }
        }
        return new RouteInformation(prefix[0], length, preference, lifetime);
    }

    private static RecursiveDnsServers rdnss(Statement block, long defaultLifetime, List<RadvdConfWarning> warnings)
            throws RadvdConfException {
        List<Ipv6Address> servers = new ArrayList<>();
        for (String word : block.words().subList(1, block.words().size())) {
            servers.add(address(block.line(), word));
        }
        if (servers.isEmpty()) {
            throw new RadvdConfException(block.line(), "RDNSS needs at least one address");
        }
        long lifetime = defaultLifetime;
        for (Statement s : block.children()) {
            switch (s.keyword().toLowerCase(Locale.ROOT)) {
                case "advrdnsslifetime" -> lifetime = lifetime(s);
                default -> warnings.add(new RadvdConfWarning(s.line(), "unknown or unsupported RDNSS directive '"
                        + s.keyword() + "' ignored"));
            }
        }
        return new RecursiveDnsServers(lifetime, servers);
    }

    private static DnsSearchList dnssl(Statement block, long defaultLifetime, List<RadvdConfWarning> warnings)
            throws RadvdConfException {
        List<String> domains = block.words().subList(1, block.words().size());
        long lifetime = defaultLifetime;
        for (Statement s : block.children()) {
            switch (s.keyword().toLowerCase(Locale.ROOT)) {
                case "advdnssllifetime" -> lifetime = lifetime(s);
                default -> warnings.add(new RadvdConfWarning(s.line(), "unknown or unsupported DNSSL directive '"
                        + s.keyword() + "' ignored"));
            }
        }
        try {
            return new DnsSearchList(lifetime, domains);
        } catch (IllegalArgumentException e) {
            throw new RadvdConfException(block.line(), e.getMessage());
        }
    }

    private static Pref64 nat64(Statement block, long defaultLifetime, List<RadvdConfWarning> warnings)
            throws RadvdConfException {
        Ipv6Address[] prefix = new Ipv6Address[1];
        int length = prefixArgument(block, prefix);
        long lifetime = Math.min(defaultLifetime, 65528);
        for (Statement s : block.children()) {
            switch (s.keyword().toLowerCase(Locale.ROOT)) {
                case "advvalidlifetime" -> lifetime = Math.min(lifetime(s), 65528);
                default -> warnings.add(new RadvdConfWarning(s.line(), "unknown or unsupported nat64prefix directive '"
                        + s.keyword() + "' ignored"));
            }
        }
        try {
            return new Pref64(prefix[0], length, (int) (lifetime / 8 * 8));  // 8-second units, RFC 8781 §4
        } catch (IllegalArgumentException e) {
            throw new RadvdConfException(block.line(), e.getMessage());
        }
    }

    // ---- values ----

    private static int prefixArgument(Statement block, Ipv6Address[] prefix) throws RadvdConfException {
        if (block.words().size() != 2 || block.words().get(1).indexOf('/') < 0) {
            throw new RadvdConfException(block.line(), block.keyword() + " needs one PREFIX/LENGTH");
        }
        String[] parts = block.words().get(1).split("/", 2);
        prefix[0] = address(block.line(), parts[0]);
        try {
            int length = Integer.parseInt(parts[1]);
            if (length < 0 || length > 128) {
                throw new NumberFormatException();
            }
            return length;
        } catch (NumberFormatException e) {
            throw new RadvdConfException(block.line(), "bad prefix length '" + parts[1] + "'");
        }
    }

    private static Ipv6Address address(int line, String text) throws RadvdConfException {
        try {
            return Ipv6Address.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RadvdConfException(line, "not an IPv6 address: '" + text + "'");
        }
    }

    private static String single(Statement s) throws RadvdConfException {
        if (s.words().size() != 2) {
            throw new RadvdConfException(s.line(), s.keyword() + " takes one value");
        }
        return s.words().get(1);
    }

    private static boolean bool(Statement s) throws RadvdConfException {
        String value = single(s).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new RadvdConfException(s.line(), s.keyword() + " is on or off, not '" + value + "'");
        };
    }

    private static double decimal(Statement s) throws RadvdConfException {
        try {
            double value = Double.parseDouble(single(s));
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new RadvdConfException(s.line(), s.keyword() + " needs a number of seconds");
        }
    }

    private static long number(Statement s, long max) throws RadvdConfException {
        try {
            long value = Long.parseLong(single(s));
            if (value < 0 || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new RadvdConfException(s.line(), s.keyword() + " needs a whole number 0.." + max);
        }
    }

    private static long lifetime(Statement s) throws RadvdConfException {
        return "infinity".equalsIgnoreCase(single(s)) ? 0xffff_ffffL : number(s, 0xffff_ffffL);
    }

    private static RouterPreference preference(Statement s) throws RadvdConfException {
        return switch (single(s).toLowerCase(Locale.ROOT)) {
            case "low" -> RouterPreference.LOW;
            case "medium" -> RouterPreference.MEDIUM;
            case "high" -> RouterPreference.HIGH;
            default -> throw new RadvdConfException(s.line(), s.keyword() + " is low, medium or high");
        };
    }

    private static int set(int flags, int bit, boolean on) {
        return on ? flags | bit : flags & ~bit;
    }

    private static Duration millis(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static List<AssignedAddress> systemAddresses(String interfaceName) {
        List<AssignedAddress> addresses = new ArrayList<>();
        try {
            NetworkInterface nif = NetworkInterface.getByName(interfaceName);
            if (nif != null) {
                for (InterfaceAddress a : nif.getInterfaceAddresses()) {
                    if (a.getAddress() instanceof Inet6Address v6) {
                        addresses.add(new AssignedAddress(Ipv6Address.of(v6), a.getNetworkPrefixLength()));
                    }
                }
            }
        } catch (SocketException e) {
            // an interface that cannot be listed has no prefixes to offer; the caller warns
        }
        return addresses;
    }

    // ---- syntax: statements are words ended by ';' or by a '{ ... };' block ----

    private record Token(String text, int line, boolean quoted) {
    }

    /** One statement: its words (keyword first), its line, and the statements of its block or null. */
    private record Statement(List<String> words, int line, List<Statement> children) {
        String keyword() {
            return words.get(0);
        }
    }

    private static List<Token> tokenize(String text) throws RadvdConfException {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '{' || c == '}' || c == ';') {
                tokens.add(new Token(String.valueOf(c), line, false));
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0 || text.substring(i, end).indexOf('\n') >= 0) {
                    throw new RadvdConfException(line, "unterminated string");
                }
                tokens.add(new Token(text.substring(i + 1, end), line, true));
                i = end + 1;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))
                        && "{};#\"".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(text.substring(start, i), line, false));
            }
        }
        return tokens;
    }

    private static final class Parser {
        private static final int MAX_DEPTH = 4;
        private final List<Token> tokens;
        private int next;
        private int depth;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        List<Statement> statements(boolean inBlock) throws RadvdConfException {
            List<Statement> statements = new ArrayList<>();
            while (true) {
                if (next == tokens.size()) {
                    if (inBlock) {
                        throw new RadvdConfException(lastLine(), "missing '}' at end of file");
                    }
                    return statements;
                }
                Token first = tokens.get(next);
                if (!first.quoted() && first.text().equals("}")) {
                    if (!inBlock) {
                        throw new RadvdConfException(first.line(), "'}' without a block");
                    }
                    next++;
                    return statements;
                }
                statements.add(statement());
            }
        }

        private Statement statement() throws RadvdConfException {
            List<String> words = new ArrayList<>();
            int line = tokens.get(next).line();
            while (next < tokens.size()) {
                Token t = tokens.get(next++);
                if (!t.quoted() && t.text().equals(";")) {
                    if (words.isEmpty()) {
                        throw new RadvdConfException(t.line(), "stray ';'");
                    }
                    return new Statement(words, line, null);
                }
                if (!t.quoted() && t.text().equals("{")) {
                    if (words.isEmpty()) {
                        throw new RadvdConfException(t.line(), "block without a name");
                    }
                    if (++depth > MAX_DEPTH) {
                        throw new RadvdConfException(t.line(), "blocks nested too deep");
                    }
                    List<Statement> children = statements(true);
                    depth--;
                    if (next < tokens.size() && tokens.get(next).text().equals(";") && !tokens.get(next).quoted()) {
                        next++;
                    } else {
                        throw new RadvdConfException(lastLine(), "missing ';' after the '}' of '" + words.get(0) + "'");
                    }
                    return new Statement(words, line, children);
                }
                if (!t.quoted() && t.text().equals("}")) {
                    throw new RadvdConfException(line, "missing ';' after '" + String.join(" ", words) + "'");
                }
                words.add(t.text());
            }
            throw new RadvdConfException(lastLine(), "missing ';' at end of file");
        }

        private int lastLine() {
            return tokens.isEmpty() ? 1 : tokens.get(Math.min(next, tokens.size()) - 1).line();
        }
    }
}
