package dev.ipv6boot.ndp.config;

/** A radvd.conf that cannot be used: a syntax error or a bad value, with its line. */
public final class RadvdConfException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    public RadvdConfException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
