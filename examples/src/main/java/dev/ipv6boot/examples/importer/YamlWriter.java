package dev.ipv6boot.examples.importer;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A small block-style YAML emitter that, unlike Jackson's generator, can put a comment beside each value (the
 * source file and line an imported value came from). Strings are double-quoted unless they are plainly safe.
 */
final class YamlWriter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./-]*");
    private static final List<String> RESERVED = List.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

    private final StringBuilder out = new StringBuilder();

    YamlWriter comment(int indent, String text) {
        for (String line : text.split("\n")) {
            out.append("  ".repeat(indent)).append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        return this;
    }

    YamlWriter blank() {
        out.append('\n');
        return this;
    }

    /** {@code key:} opening a mapping or a block list. */
    YamlWriter key(int indent, String key, String comment) {
        return line("  ".repeat(indent) + key + ":", comment);
    }

    /** {@code key: "value"}. */
    YamlWriter string(int indent, String key, String value, String comment) {
        return line("  ".repeat(indent) + key + ": " + quote(value), comment);
    }

    /** {@code key: 60} or {@code key: true}: numbers and booleans as they are. */
    YamlWriter raw(int indent, String key, Object value, String comment) {
        return line("  ".repeat(indent) + key + ": " + value, comment);
    }

    /** {@code key: ["a", "b"]}. */
    YamlWriter flowList(int indent, String key, List<String> values, String comment) {
        StringBuilder list = new StringBuilder("[");
        for (String v : values) {
            if (list.length() > 1) {
                list.append(", ");
            }
            list.append(quote(v));
        }
        return line("  ".repeat(indent) + key + ": " + list.append(']'), comment);
    }

    /** {@code - "value"} in a block list. */
    YamlWriter item(int indent, String value, String comment) {
        return line("  ".repeat(indent) + "- " + quote(value), comment);
    }

    /** {@code - key: "value"}, the first key of a mapping in a block list; its other keys go at {@code indent + 1}. */
    YamlWriter itemString(int indent, String key, String value, String comment) {
        return line("  ".repeat(indent) + "- " + key + ": " + quote(value), comment);
    }

    /** {@code - key:} opening a mapping in a block list. */
    YamlWriter itemKey(int indent, String key, String comment) {
        return line("  ".repeat(indent) + "- " + key + ":", comment);
    }

    String text() {
        return out.toString();
    }

    private YamlWriter line(String text, String comment) {
        out.append(text);
        if (comment != null && !comment.isEmpty()) {
            out.append("  # ").append(comment.replace('\n', ' '));
        }
        out.append('\n');
        return this;
    }

    static String quote(String value) {
        if (PLAIN.matcher(value).matches() && !RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
