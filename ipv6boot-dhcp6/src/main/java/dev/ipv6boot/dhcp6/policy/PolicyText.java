package dev.ipv6boot.dhcp6.policy;

import java.util.List;

/**
 * The textual form of a policy, one statement per line, {@code #} comments; it compiles to exactly what the
 * same calls on {@link Dhcp6Policy#builder()} produce.
 * <pre>
 * authoritative                                   # Preference 255 in Advertise
 * class RACK1 relay6[0].linkaddr == 0x20010db8000000010000000000000001
 * class DROP  option[1].hex == 0x000300010200000000ff        # drop this client
 * option dns-servers 2001:db8::1                  # sent when requested
 * always option domain-search boot.example        # sent whether requested or not
 * if member('IPXE')                               # first match wins ...
 *   option bootfile-url http://[2001:db8::1]/ubuntu.cfg
 * elif member('EDK2_PXE')
 *   option bootfile-url tftp://[2001:db8::1]/ipxe.efi
 * else                                            # ... else
 *   option bootfile-url http://[2001:db8::1]/ipxe.efi
 * end
 * subnet 2001:db8::/64 interface eth1             # options, chains, pools of one link
 *   pool 2001:db8::1:0 - 2001:db8::1:ffff
 *   pd-pool 2001:db8:8000::/33 56
 *   reserve 52:54:00:12:34:56 2001:db8::10
 *   lifetimes 1800 3600
 * end
 * </pre>
 */
public final class PolicyText {

    private final List<String> lines;
    private int next;

    private PolicyText(String text) {
        this.lines = text.lines().toList();
    }

    /**
     * Compiles {@code text}.
     *
     * @throws PolicySyntaxException with the line and column of the first error
     */
    public static Dhcp6Policy parse(String text) {
        PolicyText parser = new PolicyText(text);
        Dhcp6Policy.Builder builder = Dhcp6Policy.builder();
        parser.top(builder);
        return builder.build();
    }

    private void top(Dhcp6Policy.Builder b) {
        for (Statement st; (st = nextStatement(b)) != null; ) {
            int number = st.number();
            String line = st.line();
            String word = st.word();
            String rest = st.rest();
            int restColumn = columnOf(number, rest);
            try {
                switch (word) {
                    case "authoritative":
                        requireNothing(number, rest);
                        b.authoritative(true);
                        break;
                    case "max-reply-length":
                        b.maxReplyLength(Integer.parseInt(rest));
                        break;
                    case "class": {
                        String name = firstWord(rest);
                        if (name.isEmpty()) {
                            throw new PolicySyntaxException(number, restColumn, "class NAME EXPRESSION", null);
                        }
                        String expression = rest.substring(name.length()).trim();
                        int exprColumn = columnOf(number, expression);
                        try {
                            b.defineClass(name, expression);
                        } catch (ExpressionSyntaxException e) {
                            throw expressionError(number, exprColumn, e);
                        } catch (IllegalArgumentException e) {
                            throw new PolicySyntaxException(number, columnOf(number, rest), e.getMessage(), e);
                        }
                        break;
                    }
                    case "option":
                    case "always":
                        option(number, word, rest, b::option);
                        break;
                    case "if":
                        b.rules(chain -> chain(number, rest, chain, b));
                        break;
                    case "subnet":
                        subnet(number, rest, b);
                        break;
                    default:
                        throw new PolicySyntaxException(number, columnOf(number, line), "unknown statement '" + word
                                + "'; expected authoritative, class, option, always option, if, subnet", null);
                }
            } catch (PolicySyntaxException e) {
                throw e;
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new PolicySyntaxException(number, restColumn, e.getMessage(), e);
            }
        }
    }

    /** A non-empty line without its comment: its 1-based number, its first word and the rest, trimmed. */
    private record Statement(int number, String line, String word, String rest) {
    }

    /** The next statement, or {@code null} at the end of the text; {@code b} is told its line for messages. */
    private Statement nextStatement(Dhcp6Policy.Builder b) {
        while (next < lines.size()) {
            int number = next + 1;
            String line = strip(lines.get(next++));
            if (!line.isEmpty()) {
                b.at("line " + number);
                String word = firstWord(line);
                return new Statement(number, line, word, line.substring(word.length()).trim());
            }
        }
        return null;
    }

    private interface OptionSink {
        void add(String nameOrCode, String value, boolean always);
    }

    private void option(int number, String word, String rest, OptionSink sink) {
        boolean always = word.equals("always");
        if (always) {
            if (!firstWord(rest).equals("option")) {
                throw new PolicySyntaxException(number, columnOf(number, rest), "'always' goes before 'option'", null);
            }
            rest = rest.substring("option".length()).trim();
        }
        String name = firstWord(rest);
        if (name.isEmpty()) {
            throw new PolicySyntaxException(number, columnOf(number, rest), "option NAME VALUE", null);
        }
        String value = rest.substring(name.length()).trim();
        try {
            sink.add(name, value, always);
        } catch (IllegalArgumentException e) {
            boolean badName = e.getMessage() != null && e.getMessage().startsWith("unknown option");
            throw new PolicySyntaxException(number, columnOf(number, badName || value.isEmpty() ? rest : value),
                    "option " + name + ": " + e.getMessage(), e);
        }
    }

    /** Reads the chain that began with {@code if CONDITION} on line {@code number}, up to its {@code end}. */
    private void chain(int number, String condition, Dhcp6Policy.ChainBuilder chain, Dhcp6Policy.Builder b) {
        when(number, condition, chain, b);
        for (Statement st; (st = nextStatement(b)) != null; ) {
            int n = st.number();
            String word = st.word();
            String rest = st.rest();
            switch (word) {
                case "elif":
                    when(n, rest, chain, b);
                    break;
                case "else":
                    requireNothing(n, rest);
                    try {
                        chain.otherwise();
                    } catch (IllegalStateException e) {
                        throw new PolicySyntaxException(n, 1, e.getMessage(), e);
                    }
                    break;
                case "end":
                    requireNothing(n, rest);
                    return;
                case "option":
                case "always":
                    option(n, word, rest, chain::option);
                    break;
                default:
                    throw new PolicySyntaxException(n, columnOf(n, st.line()), "inside if ... end only option,"
                            + " always option, elif, else and end may appear, not '" + word + "'", null);
            }
        }
        throw new PolicySyntaxException(number, 1, "'if' without 'end'", null);
    }

    private void when(int number, String condition, Dhcp6Policy.ChainBuilder chain, Dhcp6Policy.Builder b) {
        if (condition.isEmpty()) {
            throw new PolicySyntaxException(number, lines.get(number - 1).length() + 1, "a condition is missing", null);
        }
        int column = columnOf(number, condition);
        try {
            chain.when(condition);
        } catch (ExpressionSyntaxException e) {
            throw expressionError(number, column, e);
        } catch (IllegalStateException e) {
            throw new PolicySyntaxException(number, 1, e.getMessage(), e);
        }
    }

    private void subnet(int number, String rest, Dhcp6Policy.Builder b) {
        String[] words = rest.split("\\s+");
        if (words.length != 1 && !(words.length == 3 && words[1].equals("interface"))) {
            throw new PolicySyntaxException(number, columnOf(number, rest), "subnet PREFIX [interface NAME]", null);
        }
        int[] endLine = {-1};
        b.subnet(words[0], s -> {
            if (words.length == 3) {
                s.interfaceName(words[2]);
            }
            for (Statement st; (st = nextStatement(b)) != null; ) {
                int n = st.number();
                String word = st.word();
                String args = st.rest();
                try {
                    switch (word) {
                        case "end":
                            requireNothing(n, args);
                            endLine[0] = n;
                            return;
                        case "pool":
                            s.pool(args);
                            break;
                        case "pd-pool": {
                            String[] p = args.split("\\s+");
                            if (p.length != 2) {
                                throw new PolicySyntaxException(n, columnOf(n, args), "pd-pool PREFIX DELEGATED-LENGTH", null);
                            }
                            s.prefixPool(p[0], Integer.parseInt(p[1]));
                            break;
                        }
                        case "reserve": {
                            int last = args.lastIndexOf(' ');
                            if (last < 0) {
                                throw new PolicySyntaxException(n, columnOf(n, args), "reserve MAC|duid HEX ADDRESS", null);
                            }
                            s.reserve(args.substring(0, last), args.substring(last + 1));
                            break;
                        }
                        case "lifetimes": {
                            String[] p = args.split("\\s+");
                            if (p.length != 2) {
                                throw new PolicySyntaxException(n, columnOf(n, args), "lifetimes PREFERRED VALID", null);
                            }
                            s.lifetimes(Lifetimes.of(Long.parseLong(p[0]), Long.parseLong(p[1])));
                            break;
                        }
                        case "option":
                        case "always":
                            option(n, word, args, s::option);
                            break;
                        case "if":
                            s.rules(chain -> chain(n, args, chain, b));
                            break;
                        default:
                            throw new PolicySyntaxException(n, columnOf(n, st.line()), "inside subnet ... end only pool,"
                                    + " pd-pool, reserve, lifetimes, option, always option, if and end may appear,"
                                    + " not '" + word + "'", null);
                    }
                } catch (PolicySyntaxException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw new PolicySyntaxException(n, columnOf(n, args), e.getMessage(), e);
                }
            }
        });
        if (endLine[0] < 0) {
            throw new PolicySyntaxException(number, 1, "'subnet' without 'end'", null);
        }
    }

    private PolicySyntaxException expressionError(int line, int expressionColumn, ExpressionSyntaxException e) {
        return new PolicySyntaxException(line, expressionColumn + e.column() - 1, e.getMessage(), e);
    }

    private void requireNothing(int number, String rest) {
        if (!rest.isEmpty()) {
            throw new PolicySyntaxException(number, columnOf(number, rest), "unexpected '" + rest + "'", null);
        }
    }

    /** The 1-based column where {@code fragment} (a suffix of the line, trimmed) starts in line {@code number}. */
    private int columnOf(int number, String fragment) {
        String raw = lines.get(number - 1);
        int hash = commentStart(raw);
        String code = hash < 0 ? raw : raw.substring(0, hash);
        int at = fragment.isEmpty() ? -1 : code.lastIndexOf(fragment);
        return at < 0 ? code.stripTrailing().length() + 1 : at + 1;
    }

    private static String strip(String line) {
        int hash = commentStart(line);
        return (hash < 0 ? line : line.substring(0, hash)).trim();
    }

    /** Where a {@code #} comment starts, ignoring {@code #} inside quotes (and in URL fragments after a letter). */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }
}
