package dev.ipv6boot.http;

/**
 * One byte range of a representation (RFC 9110 §14.1.2), resolved against its length.
 *
 * @param first first byte offset
 * @param last  last byte offset, inclusive
 */
record ByteRange(long first, long last) {

    /** The outcome of parsing a Range header against a length. */
    sealed interface Parsed permits Whole, Partial, Unsatisfiable {
    }

    /** Absent, unparseable or several ranges: answer the whole representation (RFC 9110 §14.2 allows it). */
    record Whole() implements Parsed {
    }

    record Partial(ByteRange range) implements Parsed {
    }

    /** Syntactically valid but outside the representation: 416 (RFC 9110 §15.5.17). */
    record Unsatisfiable() implements Parsed {
    }

    private static final Whole WHOLE = new Whole();
    private static final Unsatisfiable UNSATISFIABLE = new Unsatisfiable();

    long length() {
        return last - first + 1;
    }

    /**
     * Parses {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n} (RFC 9110 §14.1.1) against {@code size}.
     * A multi-range request is served whole: boot clients never send one, and multipart bodies cannot go
     * through sendfile.
     */
    static Parsed parse(String header, long size) {
        if (header == null) {
            return WHOLE;
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return WHOLE;
        }
        String spec = value.substring(6).trim();
        if (spec.indexOf(',') >= 0) {
            return WHOLE;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return WHOLE;
        }
        String left = spec.substring(0, dash).trim();
        String right = spec.substring(dash + 1).trim();
        long first;
        long last;
        if (left.isEmpty()) {
            long suffix = digits(right);
            if (suffix < 0) {
                return WHOLE;
            }
            if (suffix == 0 || size == 0) {
                return UNSATISFIABLE;
            }
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = digits(left);
            last = right.isEmpty() ? Long.MAX_VALUE : digits(right);
            if (first < 0 || last < 0 || last < first) {
                return WHOLE;
            }
            if (first >= size) {
                return UNSATISFIABLE;
            }
            last = Math.min(last, size - 1);
        }
        return new Partial(new ByteRange(first, last));
    }

    /** A non-negative decimal, or -1 when not one (or beyond 18 digits). */
    private static long digits(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
