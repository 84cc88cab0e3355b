package dev.ipv6boot.examples.importer;

/**
 * Something the importer could not carry over, or a mistake it noticed in the source, with its place.
 *
 * @param file    the source file's name as given
 * @param line    1-based, or 0 for the file as a whole
 * @param kind    what sort of note
 * @param message what it is and what the imported configuration does instead
 */
public record ImportNote(String file, int line, Kind kind, String message) {

    public enum Kind {
        /** The source says something ipv6boot has no equivalent for; it is left out. */
        NOT_TRANSLATED("not translated"),
        /** The source is wrong for real clients (a chain-load loop, an http:// URL for PXE firmware...). */
        MISTAKE("mistake"),
        /** Translated, but by a guess the operator should confirm. */
        ASSUMED("assumed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** {@code dhcpd6.conf:8: mistake: ...}, the way compilers print. */
    public String format() {
        return file + (line > 0 ? ":" + line : "") + ": " + kind.label() + ": " + message;
    }
}
