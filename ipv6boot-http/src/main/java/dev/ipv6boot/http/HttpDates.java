package dev.ipv6boot.http;

import io.netty.handler.codec.DateFormatter;

import java.util.Date;

/** IMF-fixdate (RFC 9110 §5.6.7) formatting with a one-second cache for the Date header. */
final class HttpDates {
    private record Cached(long second, String text) {
    }

    private static volatile Cached now = new Cached(-1, "");

    private HttpDates() {
    }

    /** The Date header value for the current second; formats at most once per second per racing thread. */
    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Cached cached = now;
        if (cached.second() != second) {
            cached = new Cached(second, DateFormatter.format(new Date(second * 1000)));
            now = cached;
        }
        return cached.text();
    }

    static String format(long millis) {
        return DateFormatter.format(new Date(millis / 1000 * 1000));
    }

    /** Seconds since the epoch, or -1 when {@code text} is absent or not an HTTP date (then it is ignored). */
    static long parseSeconds(String text) {
        if (text == null) {
            return -1;
        }
        Date date = DateFormatter.parseHttpDate(text);
        return date == null ? -1 : date.getTime() / 1000;
    }
}
