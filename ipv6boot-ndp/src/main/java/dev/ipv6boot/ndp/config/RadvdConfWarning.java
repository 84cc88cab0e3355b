package dev.ipv6boot.ndp.config;

/** Something in radvd.conf that was read but not honoured, such as an unknown directive, with its line. */
public record RadvdConfWarning(int line, String message) {
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
