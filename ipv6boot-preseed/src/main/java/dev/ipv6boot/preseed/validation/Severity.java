package dev.ipv6boot.preseed.validation;

/** How bad a {@link Problem} is. */
public enum Severity {
    /** The installer or iPXE would fail, ignore the line, or do something else than written. */
    ERROR,
    /** It works, but is risky, obsolete or probably not what was meant. */
    WARNING;

    /** The lower-case word used in reports ({@code error}, {@code warning}). */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
