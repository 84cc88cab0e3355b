package dev.ipv6boot.http;

/** Entity-tag list matching for If-Match and If-None-Match (RFC 9110 §8.8.3.2, §13.1.1, §13.1.2). */
final class EntityTags {
    private EntityTags() {
    }

    /**
     * True when {@code header} is {@code *} or lists {@code etag}. Strong comparison (If-Match) requires both
     * tags to be strong; weak comparison (If-None-Match) ignores the {@code W/} prefix.
     */
    static boolean matches(String header, String etag, boolean strong) {
        String value = header.trim();
        if (value.equals("*")) {
            return true;
        }
        int position = 0;
        while (position < value.length()) {
            int comma = value.indexOf(',', position);
            int end = comma < 0 ? value.length() : comma;
            String candidate = value.substring(position, end).trim();
            boolean weak = candidate.startsWith("W/");
            if (weak) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals(etag) && !(strong && weak)) {
                return true;
            }
            position = end + 1;
        }
        return false;
    }
}
