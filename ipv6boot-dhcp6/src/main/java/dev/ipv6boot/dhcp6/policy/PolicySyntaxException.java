package dev.ipv6boot.dhcp6.policy;

/** A policy text that does not compile, with the 1-based line and column of the first problem. */
public final class PolicySyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public PolicySyntaxException(int line, int column, String problem, Throwable cause) {
        super("line " + line + ", column " + column + ": " + problem, cause);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
