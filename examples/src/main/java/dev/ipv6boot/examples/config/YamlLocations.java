package dev.ipv6boot.examples.config;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds where a path such as {@code dhcp6.subnets[0].pools[1]} is in a YAML text, so that problems found after
 * mapping (a bad prefix, a lint finding) still name a line and a column. SnakeYAML, which Jackson reads YAML with,
 * keeps the position of every node.
 */
public final class YamlLocations {
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private final Node root;

    private YamlLocations(Node root) {
        this.root = root;
    }

    /** Positions in {@code text}; a text SnakeYAML cannot compose gives no positions (Jackson reports it). */
    public static YamlLocations of(String text) {
        try {
            return new YamlLocations(new Yaml(new LoaderOptions()).compose(new StringReader(text)));
        } catch (RuntimeException e) {
            return new YamlLocations(null);
        }
    }

    /** The 1-based line and column of the value at {@code path}, or of its nearest existing parent; {0, 0} if none. */
    public int[] lineAndColumn(String path) {
        return find(path, false);
    }

    /** Like {@link #lineAndColumn} but, when the path ends in a key, where that key is written (for unknown keys). */
    public int[] keyLineAndColumn(String path) {
        return find(path, true);
    }

    private int[] find(String path, boolean wantKey) {
        Node node = root;
        Node found = root;
        Matcher step = STEP.matcher(path == null ? "" : path);
        while (node != null && step.find()) {
            boolean last = step.hitEnd() || step.end() == path.length();
            if (step.group(1) != null) {
                node = wantKey && last ? key(node, step.group(1)) : child(node, step.group(1));
            } else {
                node = element(node, Integer.parseInt(step.group(2)));
            }
            if (node != null) {
                found = node;
            }
        }
        if (found == null) {
            return new int[] {0, 0};
        }
        return new int[] {found.getStartMark().getLine() + 1, found.getStartMark().getColumn() + 1};
    }

    /**
     * Where the text of the scalar at {@code path} starts, after its opening quote if it is quoted: column
     * {@code c} of an expression inside it is then at {@code column + c - 1}. Like {@link #lineAndColumn} otherwise.
     */
    public int[] contentLineAndColumn(String path) {
        int[] at = find(path, false);
        Node node = nodeAt(path);
        if (node instanceof ScalarNode scalar && scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN
                && scalar.getScalarStyle() != DumperOptions.ScalarStyle.LITERAL
                && scalar.getScalarStyle() != DumperOptions.ScalarStyle.FOLDED) {
            at[1] += 1;
        }
        return at;
    }

    /** A problem at column {@code column} (1-based) of the scalar text at {@code path}, such as an expression's. */
    public ConfigProblem problemInside(ConfigProblem.Severity severity, String path, int column, String message) {
        int[] at = contentLineAndColumn(path);
        return new ConfigProblem(severity, at[0], at[0] > 0 ? at[1] + Math.max(0, column - 1) : 0, path, message);
    }

    private Node nodeAt(String path) {
        Node node = root;
        Matcher step = STEP.matcher(path == null ? "" : path);
        while (node != null && step.find()) {
            node = step.group(1) != null ? child(node, step.group(1)) : element(node, Integer.parseInt(step.group(2)));
        }
        return node;
    }

    /** A problem at {@code path}, placed. */
    public ConfigProblem problem(ConfigProblem.Severity severity, String path, String message) {
        int[] at = lineAndColumn(path);
        return new ConfigProblem(severity, at[0], at[1], path, message);
    }

    private static Node child(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    private static Node key(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return scalar;
                }
            }
        }
        return null;
    }

    private static Node element(Node node, int index) {
        if (node instanceof SequenceNode sequence && index < sequence.getValue().size()) {
            return sequence.getValue().get(index);
        }
        return null;
    }
}
