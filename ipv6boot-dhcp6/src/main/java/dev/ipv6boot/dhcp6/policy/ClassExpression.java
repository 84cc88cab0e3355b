package dev.ipv6boot.dhcp6.policy;

import dev.ipv6boot.dhcp6.policy.ExpressionNodes.Literal;
import dev.ipv6boot.dhcp6.policy.ExpressionNodes.NumberValue;
import dev.ipv6boot.dhcp6.policy.ExpressionNodes.RegionValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Compiles a class expression in ISC Kea's classification language into a {@link Dhcp6Predicate}. Supported:
 * <pre>
 *   option[N].hex   option[N].text   option[N].exists            (the client message, through any relays)
 *   relay6[n].option[N].hex|.text|.exists   relay6[n].linkaddr   relay6[n].peeraddr
 *                                           (n = 0 the relay closest to this server, -1 the closest to the client)
 *   vendor-class[ENTERPRISE].exists   vendor-class[*].exists
 *   substring(value, start, length|all)     pkt6.msgtype   pkt6.transid   member('CLASS')
 *   'text'   0x0007   42   true   false   ==   !=   not   and   or   ( )
 * </pre>
 * Precedence, loosest first: {@code or}, {@code and}, {@code not}, {@code ==}. Values are octet strings
 * compared octet by octet ({@code 'iPXE'} equals {@code 0x69505845}); integers only compare with the numbers
 * of the header. Compilation folds constants; the predicate it returns allocates nothing when tested.
 */
public final class ClassExpression {

    private final String source;
    private final List<Token> tokens;
    private final Map<String, Integer> classes;
    private int next;

    private ClassExpression(String source, Map<String, Integer> classes) {
        this.source = source;
        this.classes = classes;
        this.tokens = tokenize(source);
    }

    /**
     * Compiles {@code expression}; {@code member('NAME')} may name only a class in {@code knownClasses} (name to
     * {@link ClientClass#index()}).
     *
     * @throws ExpressionSyntaxException naming the column of the first problem
     */
    public static Dhcp6Predicate compile(String expression, Map<String, Integer> knownClasses) {
        ClassExpression parser = new ClassExpression(expression, knownClasses);
        Object term = parser.or();
        Token end = parser.peek();
        if (end.kind != Kind.END) {
            throw parser.error(end, "unexpected '" + end.text + "' after a complete expression");
        }
        return parser.predicate(term, parser.tokens.get(0));
    }

    /** {@link #compile(String, Map)} for expressions that use no {@code member()}. */
    public static Dhcp6Predicate compile(String expression) {
        return compile(expression, Map.of());
    }

    // ---- grammar ------------------------------------------------------------------------------------------

    private Object or() {
        Token first = peek();
        Object left = and();
        while (peekWord("or")) {
            Token op = take();
            Object right = and();
            left = new ExpressionNodes.Or(predicate(left, first), predicate(right, op));
        }
        return left;
    }

    private Object and() {
        Token first = peek();
        Object left = not();
        while (peekWord("and")) {
            Token op = take();
            Object right = not();
            left = new ExpressionNodes.And(predicate(left, first), predicate(right, op));
        }
        return left;
    }

    private Object not() {
        if (peekWord("not")) {
            Token op = take();
            Token operand = peek();
            return new ExpressionNodes.Not(predicate(not(), operand));
        }
        return comparison();
    }

    private Object comparison() {
        Token first = peek();
        Object left = primary();
        if (peek().kind == Kind.EQUALS || peek().kind == Kind.NOT_EQUALS) {
            Token op = take();
            Token second = peek();
            Object right = primary();
            Dhcp6Predicate equal = equality(left, first, right, second);
            return op.kind == Kind.EQUALS ? equal : new ExpressionNodes.Not(equal);
        }
        return left;
    }

    private Object primary() {
        Token t = take();
        switch (t.kind) {
            case STRING:
                return Literal.of(t.text.getBytes(StandardCharsets.UTF_8));
            case HEX:
                return Literal.of(t.bytes);
            case INTEGER:
                return new Literal(Long.toString(t.number).getBytes(StandardCharsets.US_ASCII), true, t.number);
            case OPEN: {
                Object inner = or();
                expect(Kind.CLOSE, "')'");
                return inner;
            }
            case WORD:
                return word(t);
            default:
                throw error(t, t.kind == Kind.END ? "expression ends too early" : "unexpected '" + t.text + "'");
        }
    }

    private Object word(Token t) {
        switch (t.text) {
            case "true":
                return new ExpressionNodes.Constant(true);
            case "false":
                return new ExpressionNodes.Constant(false);
            case "option": {
                int code = bracketedCode();
                return optionAccess(code, -1, false);
            }
            case "relay6": {
                int nest = bracketedInteger("a relay nesting level", -32, 31);
                expect(Kind.DOT, "'.'");
                Token field = expect(Kind.WORD, "'option', 'linkaddr' or 'peeraddr'");
                switch (field.text) {
                    case "option":
                        return optionAccess(bracketedCode(), nest, true);
                    case "linkaddr":
                        return new ExpressionNodes.RelayAddress(nest, false);
                    case "peeraddr":
                        return new ExpressionNodes.RelayAddress(nest, true);
                    default:
                        throw error(field, "relay6[" + nest + "] has 'option[N]', 'linkaddr' and 'peeraddr', not '"
                                + field.text + "'");
                }
            }
            case "vendor-class": {
                expect(Kind.OPEN_BRACKET, "'['");
                long enterprise;
                if (peek().kind == Kind.STAR) {
                    take();
                    enterprise = -1;
                } else {
                    Token n = expect(Kind.INTEGER, "an enterprise number or '*'");
                    if (n.number < 0 || n.number > 0xffffffffL) {
                        throw error(n, "an enterprise number is 32 bits: " + n.number);
                    }
                    enterprise = n.number;
                }
                expect(Kind.CLOSE_BRACKET, "']'");
                expect(Kind.DOT, "'.'");
                Token field = expect(Kind.WORD, "'exists'");
                if (!field.text.equals("exists")) {
                    throw error(field, "only vendor-class[...].exists is supported, not '" + field.text + "'");
                }
                return new ExpressionNodes.VendorClassExists(enterprise);
            }
            case "substring":
                return substring();
            case "pkt6": {
                expect(Kind.DOT, "'.'");
                Token field = expect(Kind.WORD, "'msgtype' or 'transid'");
                if (field.text.equals("msgtype")) {
                    return new ExpressionNodes.MessageType();
                }
                if (field.text.equals("transid")) {
                    return new ExpressionNodes.TransactionId();
                }
                throw error(field, "pkt6 has 'msgtype' and 'transid', not '" + field.text + "'");
            }
            case "member": {
                expect(Kind.OPEN, "'('");
                Token name = expect(Kind.STRING, "a class name in quotes");
                expect(Kind.CLOSE, "')'");
                Integer index = classes.get(name.text);
                if (index == null) {
                    throw error(name, "no class named '" + name.text + "' is defined before this expression"
                            + " (known: " + String.join(", ", classes.keySet()) + ")");
                }
                return new ExpressionNodes.Member(index, name.text);
            }
            default:
                throw error(t, "unknown word '" + t.text + "'; expected option[N], relay6[n], vendor-class[e],"
                        + " substring(...), pkt6.msgtype, member('...'), a literal, 'not' or '('");
        }
    }

    private Object optionAccess(int code, int nest, boolean relay) {
        expect(Kind.DOT, "'.'");
        Token field = expect(Kind.WORD, "'hex', 'text' or 'exists'");
        switch (field.text) {
            case "hex":
            case "text":
                return relay ? new ExpressionNodes.RelayOptionData(nest, code) : new ExpressionNodes.OptionData(code);
            case "exists":
                return relay ? new ExpressionNodes.RelayOptionExists(nest, code) : new ExpressionNodes.OptionExists(code);
            default:
                throw error(field, "an option has 'hex', 'text' and 'exists', not '" + field.text + "'");
        }
    }

    private Object substring() {
        expect(Kind.OPEN, "'('");
        Token valueToken = peek();
        Object value = or();
        expect(Kind.COMMA, "','");
        Token startToken = expect(Kind.INTEGER, "a start offset");
        expect(Kind.COMMA, "','");
        int length;
        Token lengthToken = take();
        if (lengthToken.kind == Kind.WORD && lengthToken.text.equals("all")) {
            length = Integer.MAX_VALUE;
        } else if (lengthToken.kind == Kind.INTEGER) {
            length = (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE - 1, lengthToken.number));
        } else {
            throw error(lengthToken, "expected a length or 'all'");
        }
        expect(Kind.CLOSE, "')'");
        int start = (int) Math.max(-65_536, Math.min(65_536, startToken.number));
        if (value instanceof Literal literal && !literal.integer()) {
            return Literal.of(ExpressionNodes.Substring.fold(literal.bytes(), start, length));
        }
        if (value instanceof RegionValue region) {
            return new ExpressionNodes.Substring(region, start, length);
        }
        throw error(valueToken, "substring() takes an octet string (option[N].hex, a literal...), not "
                + describe(value));
    }

    private Dhcp6Predicate equality(Object left, Token leftToken, Object right, Token rightToken) {
        if (left instanceof NumberValue || right instanceof NumberValue) {
            if (left instanceof NumberValue a && right instanceof NumberValue b) {
                return new ExpressionNodes.NumbersEqual(a, b);
            }
            NumberValue number = left instanceof NumberValue n ? n : (NumberValue) right;
            Object other = left instanceof NumberValue ? right : left;
            Token otherToken = left instanceof NumberValue ? rightToken : leftToken;
            if (other instanceof Literal literal) {
                return new ExpressionNodes.NumberEquals(number, literal.integer() ? literal.number()
                        : unsigned(literal.bytes(), otherToken));
            }
            throw error(otherToken, "pkt6 numbers compare with integers, not " + describe(other));
        }
        if (left instanceof Literal a && right instanceof Literal b) {
            return new ExpressionNodes.Constant(java.util.Arrays.equals(a.bytes(), b.bytes()));
        }
        if (left instanceof RegionValue a && right instanceof Literal b) {
            return literalComparison(a, b, rightToken);
        }
        if (left instanceof Literal a && right instanceof RegionValue b) {
            return literalComparison(b, a, leftToken);
        }
        if (left instanceof RegionValue a && right instanceof RegionValue b) {
            return new ExpressionNodes.RegionEqualsRegion(a, b);
        }
        Token bad = left instanceof Dhcp6Predicate ? leftToken : rightToken;
        throw error(bad, "'==' compares values, and " + describe(left instanceof Dhcp6Predicate ? left : right)
                + " is a condition");
    }

    private Dhcp6Predicate literalComparison(RegionValue region, Literal literal, Token literalToken) {
        if (literal.integer()) {
            throw error(literalToken, "an integer does not compare with octets; write it in hex (0x"
                    + String.format("%04x", literal.number()) + ") or as text ('" + literal.number() + "')");
        }
        return new ExpressionNodes.RegionEqualsLiteral(region, literal.bytes());
    }

    private long unsigned(byte[] bytes, Token token) {
        if (bytes.length > 7) {
            throw error(token, "more than 7 octets do not compare with a number");
        }
        long n = 0;
        for (byte b : bytes) {
            n = (n << 8) | (b & 0xff);
        }
        return n;
    }

    private Dhcp6Predicate predicate(Object term, Token at) {
        if (term instanceof Dhcp6Predicate p) {
            return p;
        }
        throw error(at, "expected a condition (==, .exists, member(), not, and, or), found " + describe(term));
    }

    private static String describe(Object term) {
        if (term instanceof Literal l) {
            return l.integer() ? "the integer " + l.number() : "a literal";
        }
        if (term instanceof RegionValue) {
            return "an octet-string value";
        }
        if (term instanceof NumberValue) {
            return "a number";
        }
        return "a condition";
    }

    private int bracketedCode() {
        return bracketedInteger("an option code", 0, 65_535);
    }

    private int bracketedInteger(String what, int min, int max) {
        expect(Kind.OPEN_BRACKET, "'['");
        Token n = expect(Kind.INTEGER, what);
        if (n.number < min || n.number > max) {
            throw error(n, what + " must be in [" + min + ", " + max + "]: " + n.number);
        }
        expect(Kind.CLOSE_BRACKET, "']'");
        return (int) n.number;
    }

    // ---- tokens -------------------------------------------------------------------------------------------

    private enum Kind { WORD, STRING, HEX, INTEGER, OPEN, CLOSE, OPEN_BRACKET, CLOSE_BRACKET, DOT, COMMA, STAR,
        EQUALS, NOT_EQUALS, END }

    private record Token(Kind kind, String text, int column, long number, byte[] bytes) {
    }

    private Token peek() {
        return tokens.get(next);
    }

    private boolean peekWord(String word) {
        Token t = peek();
        return t.kind == Kind.WORD && t.text.equals(word);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind != Kind.END) {
            next++;
        }
        return t;
    }

    private Token expect(Kind kind, String what) {
        Token t = take();
        if (t.kind != kind) {
            throw error(t, "expected " + what + (t.kind == Kind.END ? " but the expression ends" : ", found '" + t.text + "'"));
        }
        return t;
    }

    private ExpressionSyntaxException error(Token at, String problem) {
        return new ExpressionSyntaxException(source, at.column, problem);
    }

    private List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int close = s.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new ExpressionSyntaxException(s, column, "string not closed: add a ' ");
                }
                out.add(new Token(Kind.STRING, s.substring(i + 1, close), column, 0, null));
                i = close + 1;
            } else if (c == '0' && i + 1 < s.length() && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
                int end = i + 2;
                while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0) {
                    end++;
                }
                String digits = s.substring(i + 2, end);
                if (digits.isEmpty()) {
                    throw new ExpressionSyntaxException(s, column, "0x needs hex digits");
                }
                if (digits.length() % 2 != 0) {
                    digits = "0" + digits;                    // Kea pads an odd count with a leading zero
                }
                out.add(new Token(Kind.HEX, s.substring(i, end), column, 0, HexFormat.of().parseHex(digits)));
                i = end;
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int end = i + 1;
                while (end < s.length() && Character.isDigit(s.charAt(end))) {
                    end++;
                }
                String text = s.substring(i, end);
                if (text.length() > 12) {
                    throw new ExpressionSyntaxException(s, column, "integer too large: " + text);
                }
                out.add(new Token(Kind.INTEGER, text, column, Long.parseLong(text), null));
                i = end;
            } else if (Character.isLetter(c)) {
                int end = i + 1;
                while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '-'
                        || s.charAt(end) == '_')) {
                    end++;
                }
                out.add(new Token(Kind.WORD, s.substring(i, end), column, 0, null));
                i = end;
            } else if (c == '=' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
                out.add(new Token(Kind.EQUALS, "==", column, 0, null));
                i += 2;
            } else if (c == '!' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
                out.add(new Token(Kind.NOT_EQUALS, "!=", column, 0, null));
                i += 2;
            } else {
                Kind kind;
                switch (c) {
                    case '(': kind = Kind.OPEN; break;
                    case ')': kind = Kind.CLOSE; break;
                    case '[': kind = Kind.OPEN_BRACKET; break;
                    case ']': kind = Kind.CLOSE_BRACKET; break;
                    case '.': kind = Kind.DOT; break;
                    case ',': kind = Kind.COMMA; break;
                    case '*': kind = Kind.STAR; break;
                    case '=':
                        throw new ExpressionSyntaxException(s, column, "'=' is not an operator here; compare with '=='");
                    default:
                        throw new ExpressionSyntaxException(s, column, "unexpected character '" + c + "'");
                }
                out.add(new Token(kind, String.valueOf(c), column, 0, null));
                i++;
            }
        }
        out.add(new Token(Kind.END, "", s.length() + 1, 0, null));
        return out;
    }
}
