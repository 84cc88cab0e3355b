package dev.ipv6boot.examples.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads an ipv6boot configuration file. Keys are kebab-case ({@code other-config}, {@code state-directory});
 * an unknown key, a value of the wrong type or a YAML syntax error is a {@link ConfigException} naming the line and
 * column, and the keys allowed there when a key is unknown.
 *
 * <pre>{@code
 * Ipv6bootConfig config = ConfigLoader.load(Path.of("/etc/ipv6boot/boot.yaml"));
 * }</pre>
 */
public final class ConfigLoader {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ConfigLoader() {
    }

    public static Ipv6bootConfig load(Path file) throws ConfigException, IOException {
        return parse(Files.readString(file), file.toString());
    }

    /** Maps {@code text}; {@code fileName} only names it in problems. An empty document is all defaults. */
    public static Ipv6bootConfig parse(String text, String fileName) throws ConfigException {
        if (text.isBlank()) {
            return new Ipv6bootConfig(null, null, null, null, null, null, null, null, null);
        }
        try {
            Ipv6bootConfig config = MAPPER.readValue(text, Ipv6bootConfig.class);
            return config == null ? new Ipv6bootConfig(null, null, null, null, null, null, null, null, null) : config;
        } catch (JsonProcessingException e) {
            throw new ConfigException(fileName, List.of(problemOf(e, text)));
        }
    }

    private static ConfigProblem problemOf(JsonProcessingException e, String text) {
        String path = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        // Jackson's location is that of the token it stopped at (after an unknown key's value, say); the node
        // positions are exact, so a mapping error with a path is placed by them.
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        if (!path.isEmpty()) {
            YamlLocations locations = YamlLocations.of(text);
            int[] exact = e instanceof UnrecognizedPropertyException
                    ? locations.keyLineAndColumn(path) : locations.lineAndColumn(path);
            if (exact[0] > 0) {
                line = exact[0];
                column = exact[1];
            }
        }
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown key '" + unknown.getPropertyName() + "'; allowed here: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", "));
        } else {
            message = firstLine(e.getOriginalMessage());
        }
        return new ConfigProblem(ConfigProblem.Severity.ERROR, line, column, path, message);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
