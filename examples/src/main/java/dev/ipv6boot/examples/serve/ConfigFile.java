package dev.ipv6boot.examples.serve;

import dev.ipv6boot.examples.config.ConfigException;
import dev.ipv6boot.examples.config.ConfigLoader;
import dev.ipv6boot.examples.config.ConfigProblem;
import dev.ipv6boot.examples.config.ConfigTranslator;
import dev.ipv6boot.examples.config.Translation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads, maps and translates a configuration file, printing every problem the way compilers do. */
final class ConfigFile {
    private ConfigFile() {
    }

    /** The translation (its problems printed to {@code err}), or null when the file cannot be read or mapped. */
    static Translation read(Path file, String text, PrintWriter err) {
        String name = file.toString();
        try {
            Translation t = ConfigTranslator.translate(ConfigLoader.parse(text, name), text);
            for (ConfigProblem p : t.problems().stream().sorted(java.util.Comparator.comparingInt(ConfigProblem::line)
                    .thenComparingInt(ConfigProblem::column)).toList()) {
                err.println(p.format(name));
            }
            err.flush();
            return t;
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println(p.format(name)));
            err.flush();
            return null;
        }
    }

    static Translation read(Path file, PrintWriter err) {
        try {
            return read(file, Files.readString(file), err);
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            err.flush();
            return null;
        }
    }

    /** The pid file of a running {@code serve} in its state directory. */
    static Path pidFile(Translation t) {
        return t.stateDirectory().resolve("ipv6boot.pid");
    }
}
