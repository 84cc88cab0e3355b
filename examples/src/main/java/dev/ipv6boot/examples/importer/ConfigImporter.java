package dev.ipv6boot.examples.importer;

import dev.ipv6boot.dhcp6.policy.Dhcp6Policy;
import dev.ipv6boot.dhcp6.policy.PolicyProblem;
import dev.ipv6boot.dhcp6.policy.PolicySyntaxException;
import dev.ipv6boot.dhcp6.policy.PolicyText;
import dev.ipv6boot.examples.importer.Dhcpd6Conf.Branch;
import dev.ipv6boot.examples.importer.Dhcpd6Conf.Chain;
import dev.ipv6boot.examples.importer.Dhcpd6Conf.Host;
import dev.ipv6boot.examples.importer.Dhcpd6Conf.Pool;
import dev.ipv6boot.examples.importer.Dhcpd6Conf.PrefixPool;
import dev.ipv6boot.examples.importer.Dhcpd6Conf.Setting;
import dev.ipv6boot.examples.importer.Dhcpd6Conf.Subnet;
import dev.ipv6boot.examples.importer.ImportNote.Kind;
import dev.ipv6boot.ndp.codec.DnsSearchList;
import dev.ipv6boot.ndp.codec.Ipv6Address;
import dev.ipv6boot.ndp.codec.MtuOption;
import dev.ipv6boot.ndp.codec.Pref64;
import dev.ipv6boot.ndp.codec.PrefixInformation;
import dev.ipv6boot.ndp.codec.RecursiveDnsServers;
import dev.ipv6boot.ndp.codec.RouteInformation;
import dev.ipv6boot.ndp.codec.RouterAdvertisement;
import dev.ipv6boot.ndp.codec.RouterPreference;
import dev.ipv6boot.ndp.config.RadvdConf;
import dev.ipv6boot.ndp.config.RadvdConfException;
import dev.ipv6boot.ndp.config.RadvdConfReader;
import dev.ipv6boot.ndp.config.RadvdConfReader.AssignedAddress;
import dev.ipv6boot.ndp.config.RadvdConfWarning;
import dev.ipv6boot.ndp.config.RadvdInterface;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the seed's daemon files into one ipv6boot configuration (YAML with each value's source file and line beside
 * it) and the notes: what could not be translated and the mistakes noticed. The DHCPv6 part is also compiled with
 * the dhcp6 module's policy engine so that its lint (the chain-load loop, http:// for PXE firmware) speaks of the
 * dhcpd6.conf lines.
 */
public final class ConfigImporter {

    /** A file to import: its name as the user gave it, and its text. */
    public record SourceFile(String name, String text) {
    }

    /** The YAML text and every note, in file and line order. */
    public record Result(String yaml, List<ImportNote> notes) {
    }

    /** What a file is, told by its content (names vary: dhcpd6.conf, dhcpd.conf6, local.conf...). */
    enum SourceKind { DHCPD6, RADVD, UNBOUND, APACHE, INTERFACES }

    private static final Pattern PREFIX_ANY = Pattern.compile("^\\s*prefix\\s+::/(\\d+)", Pattern.MULTILINE);

    private final List<ImportNote> notes = new ArrayList<>();
    private Dhcpd6Conf dhcpd;
    private String dhcpdName;
    private RadvdConf radvd;
    private String radvdName;
    private String radvdText;
    private UnboundConf unbound;
    private String unboundName;
    private ApacheVhost apache;
    private String apacheName;
    private List<InterfacesFileReader.Address> interfaceAddresses = List.of();
    private String interfacesName;

    private ConfigImporter() {
    }

    /**
     * Imports {@code files}, each recognised by its content.
     *
     * @throws IllegalArgumentException naming a file that is none of the known kinds, or a second file of a kind
     */
    public static Result importFiles(List<SourceFile> files) {
        ConfigImporter importer = new ConfigImporter();
        Map<SourceKind, SourceFile> byKind = new LinkedHashMap<>();
        for (SourceFile f : files) {
            SourceKind kind = kindOf(f.text());
            if (kind == null) {
                throw new IllegalArgumentException(f.name() + ": not a dhcpd6.conf, radvd.conf, unbound.conf,"
                        + " Apache virtual host or /etc/network/interfaces");
            }
            SourceFile earlier = byKind.put(kind, f);
            if (earlier != null) {
                throw new IllegalArgumentException(f.name() + ": a second " + kind.name().toLowerCase()
                        + " file (after " + earlier.name() + ")");
            }
        }
        return importer.run(byKind);
    }

    static SourceKind kindOf(String text) {
        if (Pattern.compile("^\\s*(subnet6|range6|prefix6)\\s|option\\s+dhcp6\\.", Pattern.MULTILINE).matcher(text).find()) {
            return SourceKind.DHCPD6;
        }
        if (Pattern.compile("^\\s*<VirtualHost", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE).matcher(text).find()) {
            return SourceKind.APACHE;
        }
        if (Pattern.compile("^\\s*server:\\s*$", Pattern.MULTILINE).matcher(text).find()) {
            return SourceKind.UNBOUND;
        }
        if (Pattern.compile("^\\s*interface\\s+\\S+\\s*(\\{|$)", Pattern.MULTILINE).matcher(text).find()) {
            return SourceKind.RADVD;
        }
        if (Pattern.compile("^\\s*iface\\s+\\S+\\s+inet6?\\s", Pattern.MULTILINE).matcher(text).find()) {
            return SourceKind.INTERFACES;
        }
        return null;
    }

    private Result run(Map<SourceKind, SourceFile> files) {
        SourceFile f = files.get(SourceKind.INTERFACES);
        if (f != null) {
            interfacesName = f.name();
            interfaceAddresses = InterfacesFileReader.read(f.text());
        }
        f = files.get(SourceKind.DHCPD6);
        if (f != null) {
            dhcpdName = f.name();
            dhcpd = Dhcpd6ConfReader.read(f.name(), f.text());
            notes.addAll(dhcpd.notes());
        }
        f = files.get(SourceKind.RADVD);
        if (f != null) {
            readRadvd(f);
        }
        f = files.get(SourceKind.UNBOUND);
        if (f != null) {
            unboundName = f.name();
            unbound = UnboundConfReader.read(f.name(), f.text());
            notes.addAll(unbound.notes());
        }
        f = files.get(SourceKind.APACHE);
        if (f != null) {
            apacheName = f.name();
            apache = ApacheVhostReader.read(f.name(), f.text());
            notes.addAll(apache.notes());
        }
        if (dhcpd != null) {
            lintDhcpd();
        }
        YamlWriter yaml = new YamlWriter();
        header(yaml, files);
        site(yaml);
        ra(yaml);
        dhcp6(yaml);
        dns(yaml);
        http(yaml);
        List<ImportNote> sorted = new ArrayList<>(new LinkedHashSet<>(notes));
        sorted.sort(Comparator.comparing(ImportNote::file).thenComparingInt(ImportNote::line));
        yaml.blank().comment(0, "Notes from the import (also printed on stderr):");
        for (ImportNote n : sorted) {
            yaml.comment(0, "  " + n.format());
        }
        return new Result(yaml.text(), sorted);
    }

    // ---- reading radvd.conf with its ::/64 resolved ----

    private void readRadvd(SourceFile f) {
        radvdName = f.name();
        radvdText = f.text();
        Matcher any = PREFIX_ANY.matcher(f.text());
        while (any.find()) {
            int line = lineOf(f.text(), any.start());
            int length = Integer.parseInt(any.group(1));
            String source = interfaceAddresses.isEmpty() ? null : interfacesName;
            String resolved = resolvedAnyPrefixes(length).stream().map(a -> a.address().mask(length) + "/" + length)
                    .distinct().reduce((a, b) -> a + ", " + b).orElse(null);
            notes.add(new ImportNote(f.name(), line, Kind.MISTAKE, "prefix ::/" + length + " advertises whatever /"
                    + length + " the interface has when radvd starts: an RA that silently changes with the"
                    + " server's address, and advertises nothing (no SLAAC, no boot) if the address is not yet up"
                    + (resolved == null ? "; no address was known to resolve it: add ra.prefixes by hand"
                    : "; imported as " + resolved + (source != null ? " (the address in " + source + ")"
                    : " (assumed from the dhcpd6.conf subnet6: give the interfaces file to be sure)"))));
        }
        try {
            radvd = new RadvdConfReader(name -> resolvedAnyPrefixesFor(name)).read(f.text());
            for (RadvdConfWarning w : radvd.warnings()) {
                if (!w.message().contains("matches no address")) {
                    notes.add(new ImportNote(f.name(), w.line(), Kind.NOT_TRANSLATED, w.message()));
                }
            }
        } catch (RadvdConfException e) {
            notes.add(new ImportNote(f.name(), e.line(), Kind.NOT_TRANSLATED, "radvd.conf unusable: " + e.getMessage()));
        }
    }

    private List<AssignedAddress> resolvedAnyPrefixesFor(String interfaceName) {
        List<AssignedAddress> out = new ArrayList<>();
        for (InterfacesFileReader.Address a : interfaceAddresses) {
            if (a.interfaceName().equals(interfaceName)) {
                out.add(new AssignedAddress(Ipv6Address.parse(a.address()), a.prefixLength()));
            }
        }
        if (out.isEmpty() && interfaceAddresses.isEmpty() && dhcpd != null) {
            for (Subnet s : dhcpd.subnets()) {
                String[] p = s.prefix().split("/");
                out.add(new AssignedAddress(Ipv6Address.parse(p[0]), Integer.parseInt(p[1])));
            }
        }
        return out;
    }

    private List<AssignedAddress> resolvedAnyPrefixes(int length) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("^\\s*interface\\s+(\\S+)", Pattern.MULTILINE).matcher(radvdText);
        while (m.find()) {
            names.add(m.group(1));
        }
        List<AssignedAddress> out = new ArrayList<>();
        for (String name : names) {
            resolvedAnyPrefixesFor(name).stream().filter(a -> a.prefixLength() == length).forEach(out::add);
        }
        return out;
    }

    // ---- the DHCPv6 part through the policy engine's lint ----

    private void lintDhcpd() {
        for (Subnet s : dhcpd.subnets()) {
            if (s.pools().isEmpty() && s.hosts().isEmpty()) {
                notes.add(new ImportNote(dhcpdName, s.line(), Kind.MISTAKE, "subnet6 " + s.prefix() + " has no"
                        + " range6 (and no host): only Information-Requests are answered. That suits iPXE after an RA"
                        + " with only the O flag, but UEFI PXE and HTTP Boot firmware always solicit an address"
                        + " (IA_NA) and get NoAddrsAvail, so no machine can boot from its NIC firmware; add a pool"));
            }
        }
        List<Chain> all = new ArrayList<>(dhcpd.chains());
        dhcpd.subnets().forEach(s -> all.addAll(s.chains()));
        for (Chain c : all) {
            for (Branch b : c.branches()) {
                if (b.when() != null && b.when().contains("option[61].hex == 0x0009")
                        && all.stream().flatMap(x -> x.branches().stream())
                        .noneMatch(x -> x.when() != null && x.when().contains("0x0007"))) {
                    notes.add(new ImportNote(dhcpdName, b.line(), Kind.MISTAKE, "client-arch-type 00:09 is EFI Byte"
                            + " Code, which no firmware sends; x86-64 UEFI sends 00:07 (the IANA registry corrected"
                            + " RFC 4578's table, many examples still show 9)"));
                }
            }
        }
        // Compile the same rules with the policy engine; its "line N" are lines of this text, mapped back.
        StringBuilder text = new StringBuilder();
        List<Integer> sourceLine = new ArrayList<>();
        if (dhcpd.authoritative()) {
            emit(text, sourceLine, "authoritative", 0);
        }
        for (Setting s : dhcpd.options()) {
            emit(text, sourceLine, "option " + s.name() + " " + String.join(", ", s.values()), s.line());
        }
        for (Chain c : dhcpd.chains()) {
            policyChain(text, sourceLine, c, "");
        }
        for (Subnet s : dhcpd.subnets()) {
            emit(text, sourceLine, "subnet " + s.prefix(), s.line());
            for (Pool p : s.pools()) {
                emit(text, sourceLine, "  pool " + p.range(), p.line());
            }
            for (Setting o : s.options()) {
                emit(text, sourceLine, "  option " + o.name() + " " + String.join(", ", o.values()), o.line());
            }
            for (Chain c : s.chains()) {
                policyChain(text, sourceLine, c, "  ");
            }
            emit(text, sourceLine, "end", s.line());
        }
        try {
            Dhcp6Policy policy = PolicyText.parse(text.toString());
            for (PolicyProblem p : policy.problems()) {
                int line = mappedLine(p.source(), sourceLine);
                String message = Pattern.compile("\\(line (\\d+)\\)").matcher(p.message()).replaceAll(r ->
                        "(" + dhcpdName + ":" + sourceLine.get(Integer.parseInt(r.group(1)) - 1) + ")");
                notes.add(new ImportNote(dhcpdName, line, Kind.MISTAKE, message));
            }
        } catch (PolicySyntaxException e) {
            int line = e.line() >= 1 && e.line() <= sourceLine.size() ? sourceLine.get(e.line() - 1) : 0;
            notes.add(new ImportNote(dhcpdName, line, Kind.NOT_TRANSLATED, "ipv6boot's policy engine refuses this: "
                    + e.getMessage()));
        } catch (IllegalArgumentException e) {
            notes.add(new ImportNote(dhcpdName, 0, Kind.NOT_TRANSLATED, "ipv6boot's policy engine refuses this: "
                    + e.getMessage()));
        }
    }

    private static void policyChain(StringBuilder text, List<Integer> sourceLine, Chain c, String indent) {
        boolean first = true;
        for (Branch b : c.branches()) {
            emit(text, sourceLine, indent + (b.when() == null ? "else" : (first ? "if " : "elif ") + b.when()), b.line());
            for (Setting o : b.options()) {
                emit(text, sourceLine, indent + "  option " + o.name() + " " + String.join(", ", o.values()), o.line());
            }
            first = false;
        }
        emit(text, sourceLine, indent + "end", c.line());
    }

    private static void emit(StringBuilder text, List<Integer> sourceLine, String line, int source) {
        text.append(line).append('\n');
        sourceLine.add(source);
    }

    private static int mappedLine(String source, List<Integer> sourceLine) {
        Matcher m = Pattern.compile("line (\\d+)").matcher(source == null ? "" : source);
        if (m.find()) {
            int policyLine = Integer.parseInt(m.group(1));
            if (policyLine >= 1 && policyLine <= sourceLine.size()) {
                return sourceLine.get(policyLine - 1);
            }
        }
        return 0;
    }

    // ---- writing ----

    private static void header(YamlWriter yaml, Map<SourceKind, SourceFile> files) {
        yaml.comment(0, "ipv6boot configuration imported by 'ipv6boot import' from: "
                + String.join(", ", files.values().stream().map(SourceFile::name).toList()));
        yaml.comment(0, "Each value names the file and line it came from. Read the notes at the end, then run"
                + " 'ipv6boot check --config' on this file.");
    }

    private void site(YamlWriter yaml) {
        List<String> interfaces = new ArrayList<>();
        String address = null;
        String addressFrom = null;
        if (radvd != null) {
            radvd.interfaces().stream().filter(RadvdInterface::sendAdvert).forEach(i -> interfaces.add(i.name()));
        }
        for (InterfacesFileReader.Address a : interfaceAddresses) {
            if (!interfaces.contains(a.interfaceName()) && radvd == null) {
                interfaces.add(a.interfaceName());
            }
            if (address == null) {
                address = a.address();
                addressFrom = interfacesName + ":" + a.line();
            }
        }
        if (address == null && dhcpd != null) {
            for (Setting s : dhcpd.options()) {
                if (s.code() == 23) {
                    address = s.values().get(0);
                    addressFrom = dhcpdName + ":" + s.line() + " (the DNS server; assumed to be this server)";
                    notes.add(new ImportNote(dhcpdName, s.line(), Kind.ASSUMED, "site.address taken from the DNS"
                            + " server option: give /etc/network/interfaces to import the server's own address"));
                    break;
                }
            }
        }
        yaml.blank().key(0, "site", null);
        if (!interfaces.isEmpty()) {
            yaml.flowList(1, "interfaces", interfaces, radvd != null ? radvdName : interfacesName);
        }
        if (address != null) {
            yaml.string(1, "address", address, addressFrom);
        }
    }

    private void ra(YamlWriter yaml) {
        if (radvd == null) {
            return;
        }
        List<RadvdInterface> sending = radvd.interfaces().stream().filter(RadvdInterface::sendAdvert).toList();
        if (sending.isEmpty()) {
            yaml.blank().key(0, "ra", radvdName + ": AdvSendAdvert is off everywhere").raw(1, "enabled", false, null);
            return;
        }
        RadvdInterface i = sending.get(0);
        for (RadvdInterface other : sending.subList(1, sending.size())) {
            if (!other.advertisement().equals(i.advertisement())) {
                notes.add(new ImportNote(radvdName, lineOf(radvdText, "interface\\s+" + Pattern.quote(other.name())),
                        Kind.NOT_TRANSLATED, "interface " + other.name() + " advertises differently from "
                        + i.name() + "; ipv6boot sends one RA on all its interfaces: " + i.name() + "'s is used"));
            }
        }
        RouterAdvertisement ra = i.advertisement();
        yaml.blank().key(0, "ra", radvdName);
        yaml.flowList(1, "interfaces", sending.stream().map(RadvdInterface::name).toList(), null);
        yaml.raw(1, "managed", ra.managed(), at("AdvManagedFlag"));
        yaml.raw(1, "other-config", ra.otherConfig(), at("AdvOtherConfigFlag"));
        yaml.raw(1, "router-lifetime", ra.routerLifetime(), at("AdvDefaultLifetime"));
        yaml.raw(1, "min-interval", seconds(i.settings().minInterval(), "MinRtrAdvInterval"), at("MinRtrAdvInterval"));
        yaml.raw(1, "max-interval", seconds(i.settings().maxInterval(), "MaxRtrAdvInterval"), at("MaxRtrAdvInterval"));
        List<String> prefixes = new ArrayList<>();
        List<String> rdnss = new ArrayList<>();
        List<String> dnssl = new ArrayList<>();
        String pref64 = null;
        Long mtu = null;
        for (var option : ra.options()) {
            if (option instanceof PrefixInformation p) {
                prefixes.add(p.prefix() + "/" + p.prefixLength());
                if (p.flags() != (PrefixInformation.ON_LINK | PrefixInformation.AUTONOMOUS)
                        || p.validLifetime() != 86400 || p.preferredLifetime() != 14400) {
                    notes.add(new ImportNote(radvdName, lineOf(radvdText, "prefix\\s"), Kind.NOT_TRANSLATED,
                            "prefix " + p.prefix() + "/" + p.prefixLength() + ": its flags and lifetimes are not"
                            + " configurable in ipv6boot (on-link, autonomous, 86400/14400 s)"));
                }
            } else if (option instanceof RecursiveDnsServers r) {
                r.servers().forEach(s -> rdnss.add(s.toString()));
            } else if (option instanceof DnsSearchList d) {
                dnssl.addAll(d.domains());
            } else if (option instanceof Pref64 p) {
                pref64 = p.prefix() + "/" + p.prefixLength();
            } else if (option instanceof MtuOption m) {
                mtu = m.mtu();
            } else if (option instanceof RouteInformation r) {
                notes.add(new ImportNote(radvdName, lineOf(radvdText, "route\\s"), Kind.NOT_TRANSLATED, "route "
                        + r + ": route information options are not sent by ipv6boot"));
            } else {
                notes.add(new ImportNote(radvdName, 0, Kind.NOT_TRANSLATED, option + " is not sent by ipv6boot"));
            }
        }
        if (ra.curHopLimit() != 64 || ra.reachableTime() != 0 || ra.retransTimer() != 0
                || ra.preference() != RouterPreference.MEDIUM || ra.homeAgent()) {
            notes.add(new ImportNote(radvdName, lineOf(radvdText, "interface\\s"), Kind.NOT_TRANSLATED,
                    "hop limit, reachable time, retransmit timer, router preference and the home-agent flag keep"
                    + " ipv6boot's defaults (64, 0, 0, medium, off)"));
        }
        if (!i.ignoreIfMissing()) {
            notes.add(new ImportNote(radvdName, lineOf(radvdText, "IgnoreIfMissing"), Kind.NOT_TRANSLATED,
                    "IgnoreIfMissing off has no ipv6boot equivalent"));
        }
        yaml.flowList(1, "prefixes", prefixes, at("prefix\\s"));
        if (!rdnss.isEmpty()) {
            yaml.flowList(1, "rdnss", rdnss, at("RDNSS"));
        }
        if (!dnssl.isEmpty()) {
            yaml.flowList(1, "dnssl", dnssl, at("DNSSL"));
        }
        if (pref64 != null) {
            yaml.string(1, "pref64", pref64, at("nat64prefix"));
        }
        if (mtu != null) {
            yaml.raw(1, "mtu", mtu, at("AdvLinkMTU"));
        }
    }

    private long seconds(java.time.Duration d, String directive) {
        long millis = d.toMillis();
        if (millis % 1000 != 0) {
            notes.add(new ImportNote(radvdName, lineOf(radvdText, directive), Kind.ASSUMED, directive + " "
                    + millis / 1000.0 + " s rounded to whole seconds"));
        }
        return Math.max(1, Math.round(millis / 1000.0));
    }

    /** {@code radvd.conf:6} for the first line matching {@code directive}, or radvd's default. */
    private String at(String directive) {
        int line = lineOf(radvdText, directive);
        return line > 0 ? radvdName + ":" + line : "radvd's default";
    }

    private void dhcp6(YamlWriter yaml) {
        if (dhcpd == null) {
            return;
        }
        yaml.blank().key(0, "dhcp6", dhcpdName);
        if (dhcpd.authoritative()) {
            yaml.raw(1, "authoritative", true, null);
        }
        options(yaml, 1, dhcpd.options());
        List<Chain> chains = dhcpd.chains();
        rules(yaml, 1, chains);
        List<Host> unplaced = new ArrayList<>(dhcpd.hosts());
        if (!dhcpd.subnets().isEmpty()) {
            yaml.key(1, "subnets", null);
        }
        for (Subnet s : dhcpd.subnets()) {
            yaml.itemString(2, "prefix", s.prefix(), dhcpdName + ":" + s.line());
            String iface = interfaceOf(s.prefix());
            if (iface != null) {
                yaml.string(3, "interface", iface, "on-link: " + radvdName + " advertises it on " + iface);
            } else {
                yaml.comment(3, "no interface: a relayed link, chosen by the relay's link-address");
            }
            if (!s.pools().isEmpty()) {
                yaml.key(3, "pools", null);
                s.pools().forEach(p -> yaml.item(4, p.range(), dhcpdName + ":" + p.line()));
            }
            if (!s.prefixPools().isEmpty()) {
                yaml.key(3, "prefix-pools", null);
                for (PrefixPool p : s.prefixPools()) {
                    yaml.itemString(4, "prefix", p.prefix(), dhcpdName + ":" + p.line());
                    yaml.raw(5, "delegated-length", p.delegatedLength(), null);
                }
            }
            List<Host> hosts = new ArrayList<>(s.hosts());
            for (Host h : dhcpd.hosts()) {
                if (contains(s.prefix(), h.address())) {
                    hosts.add(h);
                    unplaced.remove(h);
                }
            }
            if (!hosts.isEmpty()) {
                yaml.key(3, "reservations", null);
                for (Host h : hosts) {
                    if (h.mac().startsWith("duid:")) {
                        yaml.itemString(4, "duid", h.mac().substring(5), "host " + h.name() + ", " + dhcpdName + ":"
                                + h.line());
                    } else {
                        yaml.itemString(4, "mac", h.mac(), "host " + h.name() + ", " + dhcpdName + ":" + h.line());
                    }
                    yaml.string(5, "address", h.address(), null);
                }
            }
            Integer preferred = s.preferredLifetime() != null ? s.preferredLifetime() : dhcpd.preferredLifetime();
            Integer valid = s.validLifetime() != null ? s.validLifetime() : dhcpd.validLifetime();
            if (preferred != null) {
                yaml.raw(3, "preferred-lifetime", preferred, null);
            }
            if (valid != null) {
                yaml.raw(3, "valid-lifetime", valid, null);
            }
            options(yaml, 3, s.options());
            rules(yaml, 3, s.chains());
        }
        for (Host h : unplaced) {
            notes.add(new ImportNote(dhcpdName, h.line(), Kind.NOT_TRANSLATED, "host " + h.name() + ": "
                    + h.address() + " lies in no subnet6, so it has nowhere to be reserved"));
        }
    }

    private void options(YamlWriter yaml, int indent, List<Setting> options) {
        if (options.isEmpty()) {
            return;
        }
        yaml.key(indent, "options", null);
        Map<String, Setting> last = new LinkedHashMap<>();
        for (Setting s : options) {
            Setting earlier = last.put(s.name(), s);
            if (earlier != null) {
                notes.add(new ImportNote(dhcpdName, earlier.line(), Kind.NOT_TRANSLATED, "option " + s.name()
                        + " is set again on line " + s.line() + ", which wins"));
            }
        }
        for (Setting s : last.values()) {
            if (s.values().size() == 1) {
                yaml.string(indent + 1, s.name(), s.values().get(0), dhcpdName + ":" + s.line());
            } else {
                yaml.flowList(indent + 1, s.name(), s.values(), dhcpdName + ":" + s.line());
            }
        }
    }

    private void rules(YamlWriter yaml, int indent, List<Chain> chains) {
        if (chains.isEmpty()) {
            return;
        }
        for (Chain c : chains.subList(1, chains.size())) {
            notes.add(new ImportNote(dhcpdName, c.line(), Kind.ASSUMED, "a second if statement: dhcpd evaluates it"
                    + " independently of the first, ipv6boot's rules are one first-match list; its branches are"
                    + " appended after the first statement's (reorder them if both can match)"));
        }
        yaml.key(indent, "rules", null);
        for (Chain c : chains) {
            for (Branch b : c.branches()) {
                String from = dhcpdName + ":" + b.line() + (b.dhcpdCondition() != null ? ": " + b.dhcpdCondition() : ": else");
                if (b.when() != null) {
                    yaml.itemString(indent + 1, "when", b.when(), from);
                } else {
                    yaml.itemKey(indent + 1, "options", from);
                    optionValues(yaml, indent + 3, b.options());
                    continue;
                }
                yaml.key(indent + 2, "options", null);
                optionValues(yaml, indent + 3, b.options());
            }
        }
    }

    private void optionValues(YamlWriter yaml, int indent, List<Setting> options) {
        for (Setting s : options) {
            if (s.values().size() == 1) {
                yaml.string(indent, s.name(), s.values().get(0), dhcpdName + ":" + s.line());
            } else {
                yaml.flowList(indent, s.name(), s.values(), dhcpdName + ":" + s.line());
            }
        }
    }

    /** The radvd interface whose advertised prefixes hold this subnet's, or null (a relayed link). */
    private String interfaceOf(String prefix) {
        if (radvd == null) {
            return null;
        }
        for (RadvdInterface i : radvd.interfaces()) {
            for (PrefixInformation p : i.advertisement().options(PrefixInformation.class)) {
                if (contains(p.prefix() + "/" + p.prefixLength(), prefix.split("/")[0])) {
                    return i.name();
                }
            }
        }
        return null;
    }

    private static boolean contains(String prefix, String address) {
        try {
            String[] p = prefix.split("/");
            int length = Integer.parseInt(p[1]);
            return Ipv6Address.parse(p[0]).mask(length).equals(Ipv6Address.parse(address).mask(length));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void dns(YamlWriter yaml) {
        if (unbound == null) {
            return;
        }
        yaml.blank().key(0, "dns", unboundName);
        if (!unbound.listen().isEmpty()) {
            yaml.flowList(1, "listen", unbound.listen(), null);
        }
        if (!unbound.upstreams().isEmpty()) {
            yaml.flowList(1, "upstreams", unbound.upstreams(), null);
        } else {
            yaml.comment(1, "upstreams: [] -- unbound had no forward-zone; give the resolvers to forward to");
        }
        if (!unbound.accessControl().isEmpty()) {
            yaml.key(1, "access-control", "loopback is always allowed");
            unbound.accessControl().forEach((prefix, action) -> yaml.string(2, YamlWriter.quote(prefix), action, null));
        }
        if (!unbound.hosts().isEmpty()) {
            yaml.key(1, "hosts", null);
            unbound.hosts().forEach((name, address) -> yaml.string(2, YamlWriter.quote(name), address, null));
        }
    }

    private void http(YamlWriter yaml) {
        if (apache == null) {
            return;
        }
        yaml.blank().key(0, "http", apacheName);
        if (!apache.listen().isEmpty()) {
            yaml.flowList(1, "listen", apache.listen(), null);
        }
        if (apache.root() != null) {
            yaml.string(1, "root", apache.root(), apacheName + ":" + apache.rootLine() + " DocumentRoot");
        }
    }

    private static int lineOf(String text, String regex) {
        Matcher m = Pattern.compile("^\\s*" + regex, Pattern.MULTILINE | Pattern.CASE_INSENSITIVE).matcher(text);
        return m.find() ? lineOf(text, m.start()) : 0;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        // the match may start on the whitespace of earlier blank lines
        while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
            if (text.charAt(offset) == '\n') {
                line++;
            }
            offset++;
        }
        return line;
    }
}
