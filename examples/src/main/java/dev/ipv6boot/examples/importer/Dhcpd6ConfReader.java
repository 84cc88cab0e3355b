package dev.ipv6boot.examples.importer;

import dev.ipv6boot.dhcp6.catalog.OptionCatalog;
import dev.ipv6boot.dhcp6.catalog.OptionDefinition;
import dev.ipv6boot.examples.importer.Dhcpd6Conf.Branch;
import dev.ipv6boot.examples.importer.Dhcpd6Conf.Chain;
import dev.ipv6boot.examples.importer.Dhcpd6Conf.Host;
import dev.ipv6boot.examples.importer.Dhcpd6Conf.Pool;
import dev.ipv6boot.examples.importer.Dhcpd6Conf.PrefixPool;
import dev.ipv6boot.examples.importer.Dhcpd6Conf.Setting;
import dev.ipv6boot.examples.importer.Dhcpd6Conf.Subnet;
import dev.ipv6boot.examples.importer.ImportNote.Kind;
import dev.ipv6boot.ndp.codec.Ipv6Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the subset of ISC dhcpd's {@code dhcpd6.conf} that boot servers use: option definitions
 * ({@code option NAME code N = TYPE;}), options, {@code if / else if / else} on {@code exists}, equality,
 * {@code substring}/{@code suffix}, {@code and}/{@code or}/{@code not}; {@code subnet6} with {@code range6},
 * {@code prefix6} and {@code host} ({@code hardware ethernet}, {@code fixed-address6}, {@code host-identifier});
 * lifetimes and {@code authoritative}. Anything else is skipped whole (a statement up to its {@code ;}, a block to
 * its {@code }}) and named in a note with its line, so nothing is dropped silently.
 */
final class Dhcpd6ConfReader {

    /** dhcpd's own names of DHCPv6 options (dhcp-options(5)) where they differ from the catalogue's. */
    private static final Map<String, Integer> DHCPD_NAMES = Map.ofEntries(
            Map.entry("name-servers", 23), Map.entry("domain-search", 24), Map.entry("sntp-servers", 31),
            Map.entry("info-refresh-time", 32), Map.entry("sip-servers-names", 21),
            Map.entry("sip-servers-addresses", 22), Map.entry("fqdn", 39), Map.entry("bootfile-url", 59),
            Map.entry("bootfile-param", 60), Map.entry("client-arch-type", 61), Map.entry("user-class", 15),
            Map.entry("vendor-class", 16), Map.entry("vendor-opts", 17), Map.entry("preference", 7),
            Map.entry("rapid-commit", 14), Map.entry("nii", 62), Map.entry("client-id", 1),
            Map.entry("server-id", 2), Map.entry("interface-id", 18));

    private final String file;
    private final List<Token> tokens;
    private final List<ImportNote> notes = new ArrayList<>();
    private final Map<String, Integer> definitions = new LinkedHashMap<>();
    private int next;

    private Dhcpd6ConfReader(String file, String text) {
        this.file = file;
        this.tokens = tokenize(text);
    }

    /** Reads {@code text}; {@code file} names it in notes. Never throws on bad input: it notes and skips. */
    static Dhcpd6Conf read(String file, String text) {
        return new Dhcpd6ConfReader(file, text).top();
    }

    // ---- statements ----

    private Dhcpd6Conf top() {
        Scope scope = new Scope();
        List<Subnet> subnets = new ArrayList<>();
        while (next < tokens.size()) {
            Token t = tokens.get(next);
            if (t.is("subnet6")) {
                next++;
                Subnet s = subnet(t);
                if (s != null) {
                    subnets.add(s);
                }
            } else if (t.is("shared-network")) {
                next += 2;
                if (peek("{")) {
                    next++;
                    note(t.line, Kind.ASSUMED, "shared-network flattened: its subnet6 declarations are imported as"
                            + " separate subnets on the same interface");
                    while (next < tokens.size() && !peek("}")) {
                        Token inner = tokens.get(next);
                        if (inner.is("subnet6")) {
                            next++;
                            Subnet s = subnet(inner);
                            if (s != null) {
                                subnets.add(s);
                            }
                        } else {
                            statement(scope);
                        }
                    }
                    next++;
                }
            } else {
                statement(scope);
            }
        }
        return new Dhcpd6Conf(scope.authoritative, scope.options, scope.chains, subnets, scope.hosts,
                scope.preferred, scope.valid, notes);
    }

    /** What a global scope, a subnet6 or an if branch holds. */
    private static final class Scope {
        boolean authoritative;
        final List<Setting> options = new ArrayList<>();
        final List<Chain> chains = new ArrayList<>();
        final List<Pool> pools = new ArrayList<>();
        final List<PrefixPool> prefixPools = new ArrayList<>();
        final List<Host> hosts = new ArrayList<>();
        Integer preferred;
        Integer valid;
    }

    private Subnet subnet(Token keyword) {
        if (next >= tokens.size()) {
            note(keyword.line, Kind.NOT_TRANSLATED, "subnet6 without a prefix");
            return null;
        }
        String prefix = tokens.get(next++).text;
        if (!expect("{", keyword.line, "subnet6 " + prefix)) {
            return null;
        }
        Scope scope = new Scope();
        while (next < tokens.size() && !peek("}")) {
            statement(scope);
        }
        next++;
        if (scope.authoritative) {
            note(keyword.line, Kind.ASSUMED, "authoritative inside subnet6 " + prefix + " made global");
        }
        return new Subnet(prefix, keyword.line, scope.pools, scope.prefixPools, scope.hosts, scope.options,
                scope.chains, scope.preferred, scope.valid);
    }

    private void statement(Scope scope) {
        Token t = tokens.get(next);
        if (t.is(";")) {
            next++;
            return;
        }
        if (t.is("}")) {
            note(t.line, Kind.NOT_TRANSLATED, "'}' without a block");
            next++;
            return;
        }
        switch (t.text.toLowerCase(Locale.ROOT)) {
            case "option" -> option(scope);
            case "if" -> {
                next++;
                chain(scope, t);
            }
            case "authoritative" -> {
                scope.authoritative = true;
                endOfStatement(t);
            }
            case "range6" -> {
                next++;
                range6(scope, t);
            }
            case "prefix6" -> {
                next++;
                prefix6(scope, t);
            }
            case "host" -> host(scope, t);
            case "preferred-lifetime" -> scope.preferred = seconds(t);
            case "default-lease-time" -> scope.valid = seconds(t);
            case "max-lease-time" -> {
                List<Token> words = words();
                note(t.line, Kind.NOT_TRANSLATED, "max-lease-time " + join(words) + ": ipv6boot gives the valid"
                        + " lifetime it is configured with; the client cannot ask for more");
            }
            default -> skip(t, "'" + t.text + "' has no ipv6boot equivalent");
        }
    }

    private void option(Scope scope) {
        Token keyword = tokens.get(next++);
        List<Token> words = words();
        if (words.isEmpty()) {
            note(keyword.line, Kind.NOT_TRANSLATED, "option without a name");
            return;
        }
        String name = words.get(0).text;
        if (words.size() >= 3 && words.get(1).is("code")) {
            definition(keyword, name, words);
            return;
        }
        int code = codeOf(name);
        if (code < 0) {
            note(keyword.line, Kind.NOT_TRANSLATED, "option " + name + " is neither defined in this file nor"
                    + " known: define it with 'option " + name + " code N = TYPE;'");
            return;
        }
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Token w : words.subList(1, words.size())) {
            if (w.is(",")) {
                values.add(current.toString());
                current.setLength(0);
            } else {
                if (!current.isEmpty()) {
                    current.append(' ');
                }
                current.append(w.text);
            }
        }
        if (!current.isEmpty()) {
            values.add(current.toString());
        }
        if (values.isEmpty()) {
            note(keyword.line, Kind.NOT_TRANSLATED, "option " + name + " without a value");
            return;
        }
        OptionDefinition row = OptionCatalog.byCode(code);
        String configName = row == null ? Integer.toString(code) : row.name();
        if (row == null) {
            // Not in the catalogue: the configuration takes such options as hex.
            values = values.stream().map(v -> "0x" + HexFormat.of().formatHex(
                    v.getBytes(java.nio.charset.StandardCharsets.UTF_8))).toList();
        }
        scope.options.add(new Setting(configName, code, List.copyOf(values), keyword.line));
    }

    private void definition(Token keyword, String name, List<Token> words) {
        try {
            int code = Integer.parseInt(words.get(2).text);
            definitions.put(name.toLowerCase(Locale.ROOT), code);
            OptionDefinition row = OptionCatalog.byCode(code);
            if (row == null) {
                note(keyword.line, Kind.NOT_TRANSLATED, "option " + name + " (code " + code + ") is not in"
                        + " ipv6boot's option catalogue; its values are written as hex");
            }
        } catch (NumberFormatException e) {
            note(keyword.line, Kind.NOT_TRANSLATED, "option definition " + name + ": code is not a number");
        }
    }

    private void chain(Scope scope, Token ifToken) {
        List<Branch> branches = new ArrayList<>();
        boolean translatable = true;
        Token at = ifToken;
        boolean hasCondition = true;
        while (true) {
            List<Token> condition = new ArrayList<>();
            if (hasCondition) {
                while (next < tokens.size() && !peek("{")) {
                    condition.add(tokens.get(next++));
                }
            }
            if (!expect("{", at.line, "if")) {
                return;
            }
            Scope inside = new Scope();
            while (next < tokens.size() && !peek("}")) {
                Token s = tokens.get(next);
                if (s.is("option")) {
                    option(inside);
                } else if (s.is("if")) {
                    skip(s, "an if nested inside another if is not translated (ipv6boot's rules are one"
                            + " first-match list); combine the conditions with 'and'");
                } else {
                    statement(inside);
                }
            }
            next++;
            String when = null;
            String dhcpd = null;
            if (hasCondition) {
                dhcpd = join(condition);
                try {
                    when = new ExpressionTranslator(condition).translate();
                } catch (IllegalArgumentException e) {
                    note(at.line, Kind.NOT_TRANSLATED, "condition '" + dhcpd + "': " + e.getMessage()
                            + "; the whole if statement is left out");
                    translatable = false;
                }
            }
            if (!inside.pools.isEmpty() || !inside.hosts.isEmpty() || !inside.chains.isEmpty()) {
                note(at.line, Kind.NOT_TRANSLATED, "only options are translated inside if; other statements left out");
            }
            branches.add(new Branch(when, dhcpd, inside.options, at.line));
            if (next < tokens.size() && (peek("else") || peek("elsif"))) {
                Token elseToken = tokens.get(next++);
                at = elseToken;
                if (elseToken.is("elsif")) {
                    hasCondition = true;
                } else if (peek("if")) {
                    next++;
                    hasCondition = true;
                } else {
                    hasCondition = false;
                }
                continue;
            }
            break;
        }
        if (translatable) {
            scope.chains.add(new Chain(branches, ifToken.line));
        }
    }

    private void range6(Scope scope, Token t) {
        List<Token> w = words();
        if (w.size() == 1 && w.get(0).text.contains("/")) {
            scope.pools.add(new Pool(w.get(0).text, t.line));
        } else if (w.size() == 2 && w.get(1).is("temporary")) {
            note(t.line, Kind.NOT_TRANSLATED, "range6 ... temporary: temporary addresses (IA_TA) are deprecated"
                    + " by RFC 9915 and never offered");
        } else if (w.size() == 2) {
            scope.pools.add(new Pool(w.get(0).text + " - " + w.get(1).text, t.line));
        } else {
            note(t.line, Kind.NOT_TRANSLATED, "range6 " + join(w) + ": expected 'range6 FIRST LAST;' or"
                    + " 'range6 PREFIX/LEN;'");
        }
    }

    private void prefix6(Scope scope, Token t) {
        List<Token> w = words();
        if (w.size() != 3 || !w.get(2).text.startsWith("/")) {
            note(t.line, Kind.NOT_TRANSLATED, "prefix6 " + join(w) + ": expected 'prefix6 FIRST LAST /LEN;'");
            return;
        }
        try {
            int delegated = Integer.parseInt(w.get(2).text.substring(1));
            BigInteger first = toBig(w.get(0).text);
            BigInteger last = toBig(w.get(1).text);
            // The smallest prefix holding both ends; dhcpd's LAST is the first address of the last delegated prefix.
            int length = 128 - first.xor(last).bitLength();
            BigInteger network = first.shiftRight(128 - length).shiftLeft(128 - length);
            String prefix = fromBig(network) + "/" + length;
            BigInteger lastDelegated = network.add(BigInteger.ONE.shiftLeft(128 - length))
                    .subtract(BigInteger.ONE.shiftLeft(128 - delegated));
            if (!network.equals(first) || !lastDelegated.equals(last)) {
                note(t.line, Kind.ASSUMED, "prefix6 " + join(w) + " is not one whole prefix; imported as " + prefix
                        + ", which delegates more than the range did");
            }
            scope.prefixPools.add(new PrefixPool(prefix, delegated, t.line));
        } catch (IllegalArgumentException e) {
            note(t.line, Kind.NOT_TRANSLATED, "prefix6 " + join(w) + ": " + e.getMessage());
        }
    }

    private void host(Scope scope, Token t) {
        next++;
        if (next >= tokens.size()) {
            return;
        }
        String name = tokens.get(next++).text;
        if (!expect("{", t.line, "host " + name)) {
            return;
        }
        String mac = null;
        String duid = null;
        String address = null;
        while (next < tokens.size() && !peek("}")) {
            Token s = tokens.get(next);
            if (s.is("hardware")) {
                next++;
                List<Token> w = words();
                if (w.size() == 2 && w.get(0).is("ethernet")) {
                    mac = w.get(1).text.toLowerCase(Locale.ROOT);
                } else {
                    note(s.line, Kind.NOT_TRANSLATED, "hardware " + join(w) + ": only 'hardware ethernet MAC;'");
                }
            } else if (s.is("fixed-address6")) {
                next++;
                List<Token> w = words();
                if (w.size() == 1) {
                    address = w.get(0).text;
                } else {
                    note(s.line, Kind.NOT_TRANSLATED, "fixed-address6 takes one address in ipv6boot");
                }
            } else if (s.is("host-identifier")) {
                next++;
                List<Token> w = words();
                if (w.size() == 3 && w.get(0).is("option") && codeOf(w.get(1).text) == 1) {
                    duid = w.get(2).text.replace(":", "").toLowerCase(Locale.ROOT);
                } else {
                    note(s.line, Kind.NOT_TRANSLATED, "host-identifier " + join(w) + ": only by dhcp6.client-id");
                }
            } else {
                skip(s, "'" + s.text + "' in host " + name + " is not translated (a reservation is a MAC or DUID"
                        + " and an address)");
            }
        }
        next++;
        if (address == null || (mac == null && duid == null)) {
            note(t.line, Kind.NOT_TRANSLATED, "host " + name + " needs hardware ethernet (or host-identifier) and"
                    + " fixed-address6 to become a reservation");
            return;
        }
        scope.hosts.add(new Host(name, mac != null ? mac : "duid:" + duid, address, t.line));
    }

    private Integer seconds(Token t) {
        next++;
        List<Token> w = words();
        try {
            return Integer.valueOf(w.get(0).text);
        } catch (RuntimeException e) {
            note(t.line, Kind.NOT_TRANSLATED, t.text + " " + join(w) + ": not a number of seconds");
            return null;
        }
    }

    // ---- conditions → Kea expressions ----

    /** dhcpd boolean expressions to Kea's: {@code option X = 00:07} becomes {@code option[61].hex == 0x0007}. */
    private final class ExpressionTranslator {
        private final List<Token> words;
        private int at;

        ExpressionTranslator(List<Token> words) {
            this.words = words;
        }

        String translate() {
            if (words.isEmpty()) {
                throw new IllegalArgumentException("empty condition");
            }
            String kea = or();
            if (at != words.size()) {
                throw new IllegalArgumentException("'" + words.get(at).text + "' is not understood here");
            }
            return kea;
        }

        private String or() {
            String left = and();
            while (accept("or")) {
                left = left + " or " + and();
            }
            return left;
        }

        private String and() {
            String left = not();
            while (accept("and")) {
                String right = not();
                left = parenthesizeOr(left) + " and " + parenthesizeOr(right);
            }
            return left;
        }

        private String parenthesizeOr(String e) {
            return e.contains(" or ") && !(e.startsWith("(") && e.endsWith(")")) ? "(" + e + ")" : e;
        }

        private String not() {
            if (accept("not")) {
                String operand = not();
                return "not " + (operand.contains(" ") && !operand.startsWith("(") ? "(" + operand + ")" : operand);
            }
            return primary();
        }

        private String primary() {
            if (accept("(")) {
                String inner = or();
                require(")");
                return "(" + inner + ")";
            }
            if (accept("exists")) {
                return "option[" + optionCode() + "].exists";
            }
            String left = data();
            if (accept("=")) {
                return left + " == " + data();
            }
            if (accept("!=")) {
                return left + " != " + data();
            }
            throw new IllegalArgumentException(at < words.size()
                    ? "'" + words.get(at).text + "' is not understood here" : "a comparison is missing");
        }

        private String data() {
            if (at >= words.size()) {
                throw new IllegalArgumentException("a value is missing");
            }
            Token t = words.get(at++);
            if (t.quoted) {
                return "'" + t.text.replace("'", "\\'") + "'";
            }
            switch (t.text.toLowerCase(Locale.ROOT)) {
                case "option":
                    return "option[" + optionCode() + "].hex";
                case "substring": {
                    require("(");
                    String inner = data();
                    require(",");
                    String start = integer();
                    require(",");
                    String length = integer();
                    require(")");
                    return "substring(" + inner + ", " + start + ", " + length + ")";
                }
                case "suffix": {
                    require("(");
                    String inner = data();
                    require(",");
                    String length = integer();
                    require(")");
                    return "substring(" + inner + ", -" + length + ", all)";
                }
                default:
                    if (t.text.matches("[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2})*")) {
                        StringBuilder hex = new StringBuilder("0x");
                        for (String octet : t.text.split(":")) {
                            hex.append(octet.length() == 1 ? "0" + octet : octet);
                        }
                        return hex.toString().toLowerCase(Locale.ROOT);
                    }
                    throw new IllegalArgumentException("'" + t.text + "' has no Kea equivalent ipv6boot knows");
            }
        }

        private int optionCode() {
            if (at >= words.size()) {
                throw new IllegalArgumentException("an option name is missing");
            }
            String name = words.get(at++).text;
            int code = codeOf(name);
            if (code < 0) {
                throw new IllegalArgumentException("option " + name + " is not defined");
            }
            return code;
        }

        private String integer() {
            if (at < words.size() && words.get(at).text.matches("\\d+")) {
                return words.get(at++).text;
            }
            throw new IllegalArgumentException("a number is expected");
        }

        private boolean accept(String word) {
            if (at < words.size() && !words.get(at).quoted && words.get(at).text.equalsIgnoreCase(word)) {
                at++;
                return true;
            }
            return false;
        }

        private void require(String word) {
            if (!accept(word)) {
                throw new IllegalArgumentException("'" + word + "' expected");
            }
        }
    }

    private int codeOf(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Integer defined = definitions.get(key);
        if (defined != null) {
            return defined;
        }
        if (key.startsWith("dhcp6.")) {
            String bare = key.substring("dhcp6.".length());
            Integer known = DHCPD_NAMES.get(bare);
            if (known != null) {
                return known;
            }
            OptionDefinition row = OptionCatalog.byName(bare);
            if (row != null) {
                return row.code();
            }
        }
        return -1;
    }

    // ---- token plumbing ----

    private record Token(String text, int line, boolean quoted) {
        boolean is(String word) {
            return !quoted && text.equalsIgnoreCase(word);
        }
    }

    /** The words of a statement up to its {@code ;} (consumed). */
    private List<Token> words() {
        List<Token> words = new ArrayList<>();
        while (next < tokens.size() && !peek(";") && !peek("{") && !peek("}")) {
            words.add(tokens.get(next++));
        }
        if (peek(";")) {
            next++;
        }
        return words;
    }

    private void endOfStatement(Token t) {
        next++;
        List<Token> rest = words();
        if (!rest.isEmpty()) {
            note(t.line, Kind.NOT_TRANSLATED, "unexpected '" + join(rest) + "' after " + t.text);
        }
    }

    /** Skips one statement or block, noting it. */
    private void skip(Token t, String why) {
        int depth = 0;
        while (next < tokens.size()) {
            Token s = tokens.get(next++);
            if (s.is("{")) {
                depth++;
            } else if (s.is("}")) {
                depth--;
                if (depth <= 0) {
                    if (peek(";")) {
                        next++;
                    }
                    // an else branch belongs to the statement being skipped
                    if (peek("else") || peek("elsif")) {
                        continue;
                    }
                    break;
                }
            } else if (s.is(";") && depth == 0) {
                break;
            }
        }
        note(t.line, Kind.NOT_TRANSLATED, why);
    }

    private boolean peek(String word) {
        return next < tokens.size() && tokens.get(next).is(word);
    }

    private boolean expect(String word, int line, String what) {
        if (peek(word)) {
            next++;
            return true;
        }
        note(line, Kind.NOT_TRANSLATED, what + ": '" + word + "' expected; the rest of the file is not read");
        next = tokens.size();
        return false;
    }

    private void note(int line, Kind kind, String message) {
        notes.add(new ImportNote(file, line, kind, message));
    }

    private static String join(List<Token> words) {
        StringBuilder out = new StringBuilder();
        for (Token w : words) {
            String before = out.toString().replaceAll(".*\\s", "");
            boolean call = w.is("(") && !before.isEmpty() && Character.isLetter(before.charAt(before.length() - 1))
                    && !List.of("not", "and", "or").contains(before);
            if (!out.isEmpty() && !w.is(",") && !w.is(")") && !call && out.charAt(out.length() - 1) != '(') {
                out.append(' ');
            }
            out.append(w.quoted ? '"' + w.text + '"' : w.text);
        }
        return out.toString();
    }

    private static List<Token> tokenize(String text) {
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
            } else if (c == '"') {
                StringBuilder s = new StringBuilder();
                int start = line;
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    char d = text.charAt(i++);
                    if (d == '\\' && i < text.length()) {
                        d = text.charAt(i++);
                    }
                    if (d == '\n') {
                        line++;
                    }
                    s.append(d);
                }
                i++;
                tokens.add(new Token(s.toString(), start, true));
            } else if (c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '=') {
                tokens.add(new Token("!=", line, false));
                i += 2;
            } else if ("{};(),=".indexOf(c) >= 0) {
                tokens.add(new Token(String.valueOf(c), line, false));
                i++;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))
                        && "{};(),=\"#".indexOf(text.charAt(i)) < 0
                        && !(text.charAt(i) == '!' && i + 1 < text.length() && text.charAt(i + 1) == '=')) {
                    i++;
                }
                tokens.add(new Token(text.substring(start, i), line, false));
            }
        }
        return tokens;
    }

    private static BigInteger toBig(String address) {
        // A literal only: never a name lookup.
        Ipv6Address a = Ipv6Address.parse(address);
        return new BigInteger(Long.toUnsignedString(a.high())).shiftLeft(64)
                .or(new BigInteger(Long.toUnsignedString(a.low())));
    }

    private static String fromBig(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[16];
        int copy = Math.min(16, raw.length);
        System.arraycopy(raw, raw.length - copy, bytes, 16 - copy, copy);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | (bytes[i] & 0xff);
            low = low << 8 | (bytes[8 + i] & 0xff);
        }
        return new Ipv6Address(high, low).toString();
    }
}
