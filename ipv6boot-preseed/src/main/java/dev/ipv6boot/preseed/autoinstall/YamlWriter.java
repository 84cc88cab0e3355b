package dev.ipv6boot.preseed.autoinstall;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes maps, lists, strings, booleans and integers as block-style YAML. Strings that a YAML 1.1 reader
 * (cloud-init uses PyYAML) could take for something else — {@code yes}, {@code on}, {@code 0755}, {@code 1e3},
 * anything with {@code : } or {@code  #} — are double-quoted with JSON escapes, which YAML reads back as the
 * same string.
 */
final class YamlWriter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9 _./@+=,-]*");
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off",
            "null", "~");

    private YamlWriter() {
    }

    static String write(Map<String, ?> document) {
        StringBuilder sb = new StringBuilder();
        map(sb, document, 0);
        return sb.toString();
    }

    private static void map(StringBuilder sb, Map<String, ?> map, int indent) {
        for (Map.Entry<String, ?> e : map.entrySet()) {
            pad(sb, indent).append(scalar(e.getKey())).append(':');
            value(sb, e.getValue(), indent);
        }
    }

    /** Writes what follows "key:" or "- ": a scalar on the same line, a collection on the next ones. */
    private static void value(StringBuilder sb, Object value, int indent) {
        if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append(" {}\n");
            } else {
                sb.append('\n');
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) m;
                map(sb, typed, indent + 2);
            }
        } else if (value instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append(" []\n");
            } else {
                sb.append('\n');
                list(sb, l, indent + 2);
            }
        } else {
            sb.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static void list(StringBuilder sb, List<?> list, int indent) {
        for (Object item : list) {
            pad(sb, indent).append('-');
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                // first key on the dash's line, the others aligned under it
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (first) {
                        sb.append(' ');
                        first = false;
                    } else {
                        pad(sb, indent + 2);
                    }
                    sb.append(scalar(e.getKey())).append(':');
                    value(sb, e.getValue(), indent + 2);
                }
            } else {
                value(sb, item, indent);
            }
        }
    }

    private static StringBuilder pad(StringBuilder sb, int indent) {
        return sb.append(" ".repeat(indent));
    }

    static String scalar(Object value) {
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        String s = String.valueOf(value);
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT)) && !s.endsWith(" ")
                && !s.contains(" #")) {
            return s;
        }
        return quoted(s);
    }

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F || c >= 0x80 && c < 0xA0 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
