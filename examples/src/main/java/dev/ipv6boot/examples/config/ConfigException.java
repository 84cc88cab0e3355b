package dev.ipv6boot.examples.config;

import java.util.List;

/** A configuration file that cannot be used, with every problem found and where it is. */
public final class ConfigException extends Exception {
    private final String fileName;
    private final transient List<ConfigProblem> problems;

    public ConfigException(String fileName, List<ConfigProblem> problems) {
        super(problems.isEmpty() ? fileName : problems.get(0).format(fileName));
        this.fileName = fileName;
        this.problems = List.copyOf(problems);
    }

    public String fileName() {
        return fileName;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
