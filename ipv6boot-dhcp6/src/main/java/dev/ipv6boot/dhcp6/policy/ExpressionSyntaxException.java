package dev.ipv6boot.dhcp6.policy;

/**
 * A class expression that does not parse or does not make sense, with the 1-based column where the problem
 * starts, so that a configuration error can point at it.
 */
public final class ExpressionSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int column;

    public ExpressionSyntaxException(String expression, int column, String problem) {
        super("column " + column + ": " + problem + "\n  " + expression + "\n  " + " ".repeat(Math.max(0, column - 1)) + "^");
        this.expression = expression;
        this.column = column;
    }

    /** The expression as written. */
    public String expression() {
        return expression;
    }

    /** 1-based column of the offending token. */
    public int column() {
        return column;
    }
}
