package dev.ipv6boot.dhcp6.policy;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageType;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.Dhcp6Writer;
import dev.ipv6boot.dhcp6.codec.option.VendorClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A compiled DHCPv6 option policy: client classes, global options and rule chains, subnets. Built once (by
 * {@link #builder()} or {@link PolicyText#parse(String)}, which produce the same thing), immutable and shared by
 * every event-loop thread; per-message work goes into a thread's {@link PolicyDecision} and allocates nothing.
 *
 * <p>Which option wins when several set the same code: a subnet's rule chains, then the global rule chains,
 * then the subnet's options, then the global ones (the most specific, conditional setting wins).
 *
 * <p>Firmware quirks applied by {@link #writeOptions} whatever the configuration says (DESIGN.md):
 * <ul>
 *   <li>the Boot File URL goes in the Advertise as in the Reply (EDK2 PXE ignores Advertises without it);</li>
 *   <li>never Boot File Parameters (60) to EDK2 firmware, which asks for it and then fails on it;</li>
 *   <li>Vendor Class "HTTPClient" (enterprise 343) echoed to UEFI HTTP Boot clients only, which need it;
 *       a configured Vendor Class carrying "PXEClient" is never sent;</li>
 *   <li>Preference 255 in the Advertise when {@link #authoritative()}, so that EDK2 does not wait ~5 s for
 *       better offers;</li>
 *   <li>DNS servers (23) whenever the Boot File URL names a host, asked for or not;</li>
 *   <li>other options only when the client's Option Request lists them, unless marked always-send.</li>
 * </ul>
 * The responder keeps replies within {@link #maxReplyLength()} (1472 octets: EDK2's PXE buffer).
 */
public final class Dhcp6Policy {

    /** EDK2's PXE receive buffer; on a 1500-octet link anything above 1452 is already fragmented. */
    public static final int DEFAULT_MAX_REPLY_LENGTH = 1472;

    private final ClientClass[] classes;
    private final List<OptionSetting> options;
    private final List<RuleChain> chains;
    private final List<SubnetPolicy> subnets;
    private final boolean authoritative;
    private final int maxReplyLength;
    private final List<PolicyProblem> problems;
    private final int maxChosen;

    private Dhcp6Policy(Builder b) {
        this.classes = b.classes.values().toArray(new ClientClass[0]);
        this.options = List.copyOf(b.options);
        this.chains = List.copyOf(b.chains);
        this.subnets = List.copyOf(b.subnets);
        this.authoritative = b.authoritative;
        this.maxReplyLength = b.maxReplyLength;
        int max = options.size();
        for (RuleChain chain : chains) {
            max += widest(chain);
        }
        int widestSubnet = 0;
        for (SubnetPolicy s : subnets) {
            int n = s.options().size();
            for (RuleChain chain : s.chains()) {
                n += widest(chain);
            }
            widestSubnet = Math.max(widestSubnet, n);
        }
        this.maxChosen = max + widestSubnet;
        this.problems = Collections.unmodifiableList(PolicyLint.check(this));
    }

    private static int widest(RuleChain chain) {
        int w = 0;
        for (Rule r : chain.rules()) {
            w = Math.max(w, r.options().size());
        }
        return w;
    }

    /** A builder for policies written in Java. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- accessors ----------------------------------------------------------------------------------------

    /** Every class, built-ins first, in evaluation order. */
    public List<ClientClass> classes() {
        return List.of(classes);
    }

    /** The class named {@code name}, or {@code null}. */
    public ClientClass classNamed(String name) {
        for (ClientClass c : classes) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    public List<OptionSetting> options() {
        return options;
    }

    public List<RuleChain> chains() {
        return chains;
    }

    public List<SubnetPolicy> subnets() {
        return subnets;
    }

    /** Whether this server is the only one on its links: Preference 255 in every Advertise (RFC 9915 §18.2.1). */
    public boolean authoritative() {
        return authoritative;
    }

    /** The longest reply the responder may send. */
    public int maxReplyLength() {
        return maxReplyLength;
    }

    /** What the compiler found wrong with this policy (empty when nothing). */
    public List<PolicyProblem> problems() {
        return problems;
    }

    int maxChosenOptions() {
        return Math.max(1, maxChosen);
    }

    // ---- per message --------------------------------------------------------------------------------------

    /** The classes of {@code received} (as received, relays included), one bit per class. Allocation-free. */
    public long classify(Dhcp6MessageView received) {
        long set = 0;
        for (ClientClass c : classes) {
            if (c.test().test(received, set)) {
                set |= c.bit();
            }
        }
        return set;
    }

    /**
     * The subnet of a message (RFC 9915 §13.1): for a relayed one, the first relay link-address, from the relay
     * closest to the client outward, that lies in a subnet (link-local and unspecified link-addresses say
     * nothing); otherwise the subnet of {@code arrivalInterface}; otherwise the only subnet, if there is one.
     */
    public SubnetPolicy selectSubnet(Dhcp6MessageView received, String arrivalInterface) {
        for (int nest = -1; ; nest--) {
            Dhcp6MessageView relay = ExpressionNodes.relay(received, nest);
            if (relay == null) {
                break;
            }
            long high = relay.linkAddressHigh();
            long low = relay.linkAddressLow();
            if ((high == 0 && low == 0) || (high >>> 54) == (0xfe80L >>> 6)) {
                continue;
            }
            for (int i = 0; i < subnets.size(); i++) {             // index loops: no iterator per packet
                if (subnets.get(i).prefix().contains(high, low)) {
                    return subnets.get(i);
                }
            }
        }
        if (arrivalInterface != null) {
            for (int i = 0; i < subnets.size(); i++) {
                if (arrivalInterface.equals(subnets.get(i).interfaceName())) {
                    return subnets.get(i);
                }
            }
        }
        return subnets.size() == 1 ? subnets.get(0) : null;
    }

    /**
     * Classifies {@code received}, picks its subnet and chooses its options into {@code out}. Allocation-free.
     *
     * @param received         the message as received (relays included), borrowed
     * @param arrivalInterface the interface it arrived on, for subnet selection; may be {@code null}
     */
    public void decide(Dhcp6MessageView received, String arrivalInterface, PolicyDecision out) {
        decide(received, selectSubnet(received, arrivalInterface), out);
    }

    /** {@link #decide(Dhcp6MessageView, String, PolicyDecision)} with the subnet already chosen (or null). */
    public void decide(Dhcp6MessageView received, SubnetPolicy subnet, PolicyDecision out) {
        long set = classify(received);
        out.classes = set;
        out.subnet = subnet;
        out.count = 0;
        if (subnet != null) {
            chooseFromChains(subnet.chains(), received, set, out);
        }
        chooseFromChains(chains, received, set, out);
        if (subnet != null) {
            chooseAll(subnet.options(), out);
        }
        chooseAll(options, out);
    }

    private static void chooseFromChains(List<RuleChain> chains, Dhcp6MessageView received, long set, PolicyDecision out) {
        for (int c = 0; c < chains.size(); c++) {
            RuleChain chain = chains.get(c);
            int match = chain.firstMatch(received, set);
            if (match >= 0) {
                chooseAll(chain.rules().get(match).options(), out);
            }
        }
    }

    private static void chooseAll(List<OptionSetting> settings, PolicyDecision out) {
        for (int i = 0; i < settings.size(); i++) {
            OptionSetting s = settings.get(i);
            if (out.find(s.code()) == null) {
                out.chosen[out.count++] = s;
            }
        }
    }

    /**
     * Writes the decided options of a reply of {@code replyType} to {@code client} (the innermost message),
     * applying the firmware quirks listed in the class comment. With {@code essentialOnly}, only what a
     * network boot cannot do without (59, 23, the HTTPClient echo, Preference) is written: the responder's
     * second try when the whole reply would exceed {@link #maxReplyLength()}.
     */
    public void writeOptions(Dhcp6MessageView client, PolicyDecision decision, int replyType, Dhcp6Writer writer,
                             boolean essentialOnly) {
        boolean edk2 = decision.isMember(BuiltInClasses.EDK2_PXE_INDEX)
                || (decision.isMember(BuiltInClasses.UEFI_HTTP_INDEX) && !decision.isMember(BuiltInClasses.IPXE_INDEX));
        boolean httpBoot = decision.isMember(BuiltInClasses.UEFI_HTTP_INDEX);
        if (authoritative && replyType == Dhcp6MessageType.ADVERTISE.value()) {
            writer.preference(255);
        }
        OptionSetting url = decision.find(OptionCodes.BOOT_FILE_URL);
        boolean urlSent = url != null && (url.alwaysSend() || client.requestsOption(OptionCodes.BOOT_FILE_URL));
        boolean forceDns = urlSent && urlNamesHost(url.data());
        for (int i = 0; i < decision.count; i++) {
            OptionSetting s = decision.chosen[i];
            int code = s.code();
            boolean send;
            switch (code) {
                case OptionCodes.BOOT_FILE_URL:
                    send = urlSent;
                    break;
                case OptionCodes.DNS_SERVERS:
                    send = forceDns || s.alwaysSend() || client.requestsOption(code);
                    break;
                case OptionCodes.BOOT_FILE_PARAMETERS:
                    send = !edk2 && !essentialOnly && (s.alwaysSend() || client.requestsOption(code));
                    break;
                case OptionCodes.VENDOR_CLASS:
                    send = !httpBoot && !essentialOnly && !carriesPxeClient(s.data())
                            && (s.alwaysSend() || client.requestsOption(code));
                    break;
                default:
                    send = !essentialOnly && (s.alwaysSend() || client.requestsOption(code));
                    break;
            }
            if (send) {
                writer.option(code, s.data());
            }
        }
        if (httpBoot) {
            writer.vendorClass(VendorClass.ENTERPRISE_INTEL, "HTTPClient");
        }
    }

    /** Whether a URL's host is a name, not an IP literal (RFC 3986 §3.2.2). Allocation-free. */
    static boolean urlNamesHost(byte[] url) {
        int p = 0;
        while (p + 2 < url.length && !(url[p] == ':' && url[p + 1] == '/' && url[p + 2] == '/')) {
            p++;
        }
        if (p + 2 >= url.length) {
            return false;
        }
        p += 3;
        for (int q = p; q < url.length && url[q] != '/'; q++) {
            if (url[q] == '@') {
                p = q + 1;                                        // skip userinfo
            }
        }
        if (p >= url.length || url[p] == '[') {
            return false;                                        // an IPv6 literal
        }
        boolean sawLetter = false;
        for (int q = p; q < url.length && url[q] != '/' && url[q] != ':' && url[q] != '?' && url[q] != '#'; q++) {
            byte c = url[q];
            if (!(c >= '0' && c <= '9') && c != '.') {
                sawLetter = true;
            }
        }
        return sawLetter;
    }

    static boolean carriesPxeClient(byte[] vendorClassData) {
        byte[] needle = {'P', 'X', 'E', 'C', 'l', 'i', 'e', 'n', 't'};
        outer:
        for (int i = 4; i + needle.length <= vendorClassData.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (vendorClassData[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * A canonical text of everything that decides answers (classes with their expressions, options with their
     * data, rules, subnets), so that two policies built differently can be compared.
     */
    public String canonical() {
        StringBuilder out = new StringBuilder();
        out.append("authoritative ").append(authoritative).append('\n');
        out.append("max-reply-length ").append(maxReplyLength).append('\n');
        for (ClientClass c : classes) {
            out.append("class ").append(c.index()).append(' ').append(c.name()).append(" = ").append(c.expression())
                    .append('\n');
        }
        appendOptions(out, "", options);
        appendChains(out, "", chains);
        for (SubnetPolicy s : subnets) {
            out.append("subnet ").append(s.prefix()).append(" interface ").append(s.interfaceName())
                    .append(" pools ").append(s.pools()).append(" pd ").append(s.prefixPools())
                    .append(" reservations ").append(s.reservations()).append(' ').append(s.lifetimes()).append('\n');
            appendOptions(out, "  ", s.options());
            appendChains(out, "  ", s.chains());
        }
        return out.toString();
    }

    private static void appendOptions(StringBuilder out, String indent, List<OptionSetting> settings) {
        for (OptionSetting s : settings) {
            out.append(indent).append("option ").append(s.code()).append(' ')
                    .append(java.util.HexFormat.of().formatHex(s.data())).append(s.alwaysSend() ? " always" : "")
                    .append('\n');
        }
    }

    private static void appendChains(StringBuilder out, String indent, List<RuleChain> chains) {
        for (RuleChain chain : chains) {
            out.append(indent).append("chain\n");
            for (Rule r : chain.rules()) {
                out.append(indent).append("  when ").append(r.condition()).append('\n');
                appendOptions(out, indent + "    ", r.options());
            }
        }
    }

    @Override
    public String toString() {
        return canonical();
    }

    // ---- builder ------------------------------------------------------------------------------------------

    /**
     * Builds a policy in Java. Expressions compile as they are added, so {@code member()} sees the classes
     * defined before it and an error is reported where it was made.
     *
     * <pre>{@code
     * Dhcp6Policy policy = Dhcp6Policy.builder()
     *         .authoritative(true)
     *         .option("dns-servers", "2001:db8::1")
     *         .rules(chain -> chain
     *                 .when("member('IPXE')").option("bootfile-url", "http://[2001:db8::1]/ubuntu.cfg")
     *                 .when("member('EDK2_PXE')").option("bootfile-url", "tftp://[2001:db8::1]/ipxe.efi")
     *                 .when("member('UEFI_HTTP')").option("bootfile-url", "http://[2001:db8::1]/ipxe.efi"))
     *         .subnet("2001:db8::/64", subnet -> subnet.pool("2001:db8::1:0 - 2001:db8::1:ffff"))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final Map<String, ClientClass> classes = new LinkedHashMap<>();
        private final List<OptionSetting> options = new ArrayList<>();
        private final List<RuleChain> chains = new ArrayList<>();
        private final List<SubnetPolicy> subnets = new ArrayList<>();
        private boolean authoritative;
        private int maxReplyLength = DEFAULT_MAX_REPLY_LENGTH;
        String source = "builder";

        private Builder() {
            for (ClientClass c : BuiltInClasses.defaults()) {
                classes.put(c.name(), c);
            }
        }

        /**
         * Names where the settings added from now on come from ("line 7", "dhcp6.rules[2]"): rules and options
         * carry it, and {@link Dhcp6Policy#problems()} report it, so a configuration file can point at its own lines.
         */
        public Builder at(String where) {
            this.source = where;
            return this;
        }

        /** Preference 255 in Advertise messages: this is the only server on its links. */
        public Builder authoritative(boolean value) {
            this.authoritative = value;
            return this;
        }

        /** The longest reply (default 1472). */
        public Builder maxReplyLength(int octets) {
            if (octets < 256 || octets > 65_527) {
                throw new IllegalArgumentException("maxReplyLength must be in [256, 65527]: " + octets);
            }
            this.maxReplyLength = octets;
            return this;
        }

        /**
         * Defines a class by expression; {@code DROP} replaces the built-in one (which matches nothing), other
         * built-in names cannot be redefined.
         */
        public Builder defineClass(String name, String expression) {
            Dhcp6Predicate test = ClassExpression.compile(expression, classIndexes());
            ClientClass existing = classes.get(name);
            if (existing != null) {
                if (!name.equals(BuiltInClasses.DROP) || !existing.expression().equals("false")) {
                    throw new IllegalArgumentException("class " + name + " is already defined"
                            + (existing.builtIn() ? " (built in)" : ""));
                }
                classes.put(name, new ClientClass(name, existing.index(), expression, test, true));
                return this;
            }
            if (classes.size() >= ClientClass.MAX_CLASSES) {
                throw new IllegalArgumentException("at most " + ClientClass.MAX_CLASSES + " classes");
            }
            classes.put(name, new ClientClass(name, classes.size(), expression, test, false));
            return this;
        }

        Map<String, Integer> classIndexes() {
            Map<String, Integer> indexes = new LinkedHashMap<>();
            classes.values().forEach(c -> indexes.put(c.name(), c.index()));
            return indexes;
        }

        /** A global option sent to clients that request it. */
        public Builder option(String nameOrCode, String value) {
            return option(nameOrCode, value, false);
        }

        /** A global option sent whether requested or not. */
        public Builder alwaysSend(String nameOrCode, String value) {
            return option(nameOrCode, value, true);
        }

        /** {@link #alwaysSend} when {@code always}, else {@link #option(String, String)}. */
        Builder option(String nameOrCode, String value, boolean always) {
            return option(OptionSetting.of(nameOrCode, value, always, source));
        }

        /** A global option, pre-encoded. */
        public Builder option(OptionSetting setting) {
            options.add(setting);
            return this;
        }

        /** A global rule chain. */
        public Builder rules(Consumer<ChainBuilder> chain) {
            chains.add(ChainBuilder.build(this, chain));
            return this;
        }

        void addChain(RuleChain chain) {
            chains.add(chain);
        }

        /** A subnet. */
        public Builder subnet(String prefix, Consumer<SubnetBuilder> subnet) {
            SubnetBuilder s = new SubnetBuilder(this, Ipv6Prefix.parse(prefix));
            subnet.accept(s);
            addSubnet(s.build());
            return this;
        }

        void addSubnet(SubnetPolicy subnet) {
            for (SubnetPolicy s : subnets) {
                if (s.prefix().contains(subnet.prefix().high(), subnet.prefix().low())
                        || subnet.prefix().contains(s.prefix().high(), s.prefix().low())) {
                    throw new IllegalArgumentException("subnet " + subnet.prefix() + " overlaps " + s.prefix());
                }
            }
            subnets.add(subnet);
        }

        /** Compiles the policy; its {@link #problems()} say what is wrong with it for real firmware. */
        public Dhcp6Policy build() {
            return new Dhcp6Policy(this);
        }
    }

    /** Builds one {@code if / elif / else} chain: {@link #when} starts a rule, options go to the last rule. */
    public static final class ChainBuilder {
        private final Builder owner;
        private final List<Rule> rules = new ArrayList<>();
        private String condition;
        private Dhcp6Predicate test;
        private String ruleSource;
        private List<OptionSetting> ruleOptions;
        private boolean closed;

        ChainBuilder(Builder owner) {
            this.owner = owner;
        }

        /** Starts a rule that applies when {@code expression} holds and no earlier rule of the chain did. */
        public ChainBuilder when(String expression) {
            return when(expression, ClassExpression.compile(expression, owner.classIndexes()));
        }

        /** Starts a rule with a condition written in Java; {@code description} names it in messages. */
        public ChainBuilder when(String description, Dhcp6Predicate predicate) {
            if (closed) {
                throw new IllegalStateException("nothing can follow 'else' in a rule chain");
            }
            finishRule();
            condition = description;
            test = predicate;
            ruleSource = owner.source;
            ruleOptions = new ArrayList<>();
            return this;
        }

        /** Starts the last rule, which applies when no other did. */
        public ChainBuilder otherwise() {
            when("else", Dhcp6Predicate.ALWAYS);
            closed = true;
            return this;
        }

        public ChainBuilder option(String nameOrCode, String value) {
            return option(nameOrCode, value, false);
        }

        public ChainBuilder alwaysSend(String nameOrCode, String value) {
            return option(nameOrCode, value, true);
        }

        /** {@link #alwaysSend} when {@code always}, else {@link #option(String, String)}. */
        ChainBuilder option(String nameOrCode, String value, boolean always) {
            requireRule().add(OptionSetting.of(nameOrCode, value, always, owner.source));
            return this;
        }

        private List<OptionSetting> requireRule() {
            if (ruleOptions == null) {
                throw new IllegalStateException("when(...) first: an option belongs to a rule");
            }
            return ruleOptions;
        }

        private void finishRule() {
            if (test != null) {
                rules.add(new Rule(condition, test, ruleOptions, ruleSource));
                test = null;
            }
        }

        RuleChain build() {
            finishRule();
            return new RuleChain(rules);
        }

        /** The chain that {@code chain} describes, its options attributed to where {@code owner} is. */
        static RuleChain build(Builder owner, Consumer<ChainBuilder> chain) {
            ChainBuilder c = new ChainBuilder(owner);
            chain.accept(c);
            return c.build();
        }
    }

    /** Builds one subnet. */
    public static final class SubnetBuilder {
        private final Builder owner;
        private final Ipv6Prefix prefix;
        private String interfaceName;
        private final List<OptionSetting> options = new ArrayList<>();
        private final List<RuleChain> chains = new ArrayList<>();
        private final List<AddressPool> pools = new ArrayList<>();
        private final List<PrefixPool> prefixPools = new ArrayList<>();
        private final List<Reservation> reservations = new ArrayList<>();
        private Lifetimes lifetimes = Lifetimes.DEFAULT;

        SubnetBuilder(Builder owner, Ipv6Prefix prefix) {
            this.owner = owner;
            this.prefix = prefix;
        }

        /** The local interface that reaches this link without a relay. */
        public SubnetBuilder interfaceName(String name) {
            this.interfaceName = name;
            return this;
        }

        /** An address pool, {@code "first - last"} or a prefix of /64 or longer. */
        public SubnetBuilder pool(String range) {
            AddressPool pool = AddressPool.parse(range);
            if (!prefix.contains(pool.high(), pool.firstLow()) || !prefix.contains(pool.high(), pool.lastLow())) {
                throw new IllegalArgumentException("pool " + pool + " is not inside subnet " + prefix);
            }
            pools.add(pool);
            return this;
        }

        /** A prefix-delegation pool. */
        public SubnetBuilder prefixPool(String prefix, int delegatedLength) {
            prefixPools.add(new PrefixPool(Ipv6Prefix.parse(prefix), delegatedLength));
            return this;
        }

        /** A reservation by MAC ({@code "52:54:00:12:34:56"}) or DUID ({@code "duid 000100..."}). */
        public SubnetBuilder reserve(String macOrDuid, String address) {
            reservations.add(Reservation.parse(macOrDuid, address));
            return this;
        }

        public SubnetBuilder lifetimes(Lifetimes value) {
            this.lifetimes = value;
            return this;
        }

        public SubnetBuilder option(String nameOrCode, String value) {
            return option(nameOrCode, value, false);
        }

        public SubnetBuilder alwaysSend(String nameOrCode, String value) {
            return option(nameOrCode, value, true);
        }

        /** {@link #alwaysSend} when {@code always}, else {@link #option(String, String)}. */
        SubnetBuilder option(String nameOrCode, String value, boolean always) {
            options.add(OptionSetting.of(nameOrCode, value, always, owner.source));
            return this;
        }

        /** A rule chain of this subnet, evaluated before the global chains. */
        public SubnetBuilder rules(Consumer<ChainBuilder> chain) {
            chains.add(ChainBuilder.build(owner, chain));
            return this;
        }

        void addChain(RuleChain chain) {
            chains.add(chain);
        }

        SubnetPolicy build() {
            return new SubnetPolicy(prefix, interfaceName, options, chains, pools, prefixPools, reservations, lifetimes);
        }
    }
}
