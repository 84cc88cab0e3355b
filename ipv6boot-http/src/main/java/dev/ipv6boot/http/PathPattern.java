package dev.ipv6boot.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A path with named parameters, such as {@code /boot/{mac}.ipxe} or {@code /preseed/{host}.cfg}. A parameter
 * matches one or more characters within one segment (never a {@code /}); the rest matches literally.
 * Matching allocates only when it succeeds.
 */
public final class PathPattern {
    private final String pattern;
    /** Alternating literal and parameter pieces; parameters are stored by name in {@link #names}. */
    private final List<String> literals;
    private final List<String> names;

    private PathPattern(String pattern, List<String> literals, List<String> names) {
        this.pattern = pattern;
        this.literals = literals;
        this.names = names;
    }

    /**
     * Compiles {@code pattern}.
     *
     * @throws IllegalArgumentException when it does not start with {@code /}, has unbalanced braces, an empty
     *                                  or repeated name, or two parameters with nothing between them
     */
    public static PathPattern compile(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with /: " + pattern);
        }
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int position = 0;
        while (true) {
            int open = pattern.indexOf('{', position);
            if (open < 0) {
                if (pattern.indexOf('}', position) >= 0) {
                    throw new IllegalArgumentException("unbalanced } in " + pattern);
                }
                literals.add(pattern.substring(position));
                break;
            }
            int close = pattern.indexOf('}', open);
            if (close < 0 || pattern.indexOf('}', position) < open) {
                throw new IllegalArgumentException("unbalanced braces in " + pattern);
            }
            String literal = pattern.substring(position, open);
            String name = pattern.substring(open + 1, close);
            if (name.isEmpty() || name.contains("{") || names.contains(name)) {
                throw new IllegalArgumentException("bad parameter name '" + name + "' in " + pattern);
            }
            if (!names.isEmpty() && literal.isEmpty()) {
                throw new IllegalArgumentException("adjacent parameters are ambiguous in " + pattern);
            }
            literals.add(literal);
            names.add(name);
            position = close + 1;
        }
        return new PathPattern(pattern, List.copyOf(literals), List.copyOf(names));
    }

    /** The parameters when {@code path} matches, else null. */
    public Map<String, String> match(String path) {
        String first = literals.get(0);
        if (!path.startsWith(first)) {
            return null;
        }
        if (names.isEmpty()) {
            return path.length() == first.length() ? Map.of() : null;
        }
        int position = first.length();
        String[] values = new String[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String next = literals.get(i + 1);
            boolean last = i == names.size() - 1;
            int end;
            if (last) {
                // The final literal anchors at the end of the path.
                end = path.length() - next.length();
                if (end <= position || !path.startsWith(next, end)) {
                    return null;
                }
            } else {
                end = path.indexOf(next, position + 1);
                if (end < 0) {
                    return null;
                }
            }
            if (path.indexOf('/', position) >= 0 && path.indexOf('/', position) < end) {
                return null;
            }
            values[i] = path.substring(position, end);
            position = end + next.length();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            parameters.put(names.get(i), values[i]);
        }
        return parameters;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
