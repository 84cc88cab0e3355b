package dev.ipv6boot.examples.check;

import dev.ipv6boot.examples.config.ConfigException;
import dev.ipv6boot.examples.config.ConfigLoader;
import dev.ipv6boot.examples.config.ConfigProblem;
import dev.ipv6boot.examples.config.ConfigTranslator;
import dev.ipv6boot.examples.config.Ipv6bootConfig;
import dev.ipv6boot.examples.config.Translation;
import dev.ipv6boot.examples.config.YamlLocations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ipv6boot check --config FILE}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate a configuration file without starting anything: schema errors, every value, and the"
                + " consistency lint across services (RA flags and iPXE, pools and on-link prefixes, boot URLs per"
                + " firmware class, the iPXE chain-load loop, DNS access for the boot subnets, boot files in the"
                + " HTTP root). Each problem is printed as FILE:LINE:COLUMN: error|warning: PATH: MESSAGE.",
                "Exit status: 0 no errors (warnings allowed), 1 errors, 2 the file cannot be read or parsed."})
public final class CheckCommand implements Callable<Integer> {
    static final int EXIT_ERRORS = 1;
    static final int EXIT_UNREADABLE = 2;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the ipv6boot YAML configuration")
    private Path config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String name = config.toString();
        String text;
        try {
            text = Files.readString(config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.println(name + ": error: cannot read: " + e.getMessage());
            out.flush();
            return EXIT_UNREADABLE;
        }
        ConfigProblem syntax = yamlSyntax(text);
        if (syntax != null) {
            out.println(syntax.format(name));
            out.flush();
            return EXIT_UNREADABLE;
        }
        List<ConfigProblem> problems;
        try {
            Ipv6bootConfig parsed = ConfigLoader.parse(text, name);
            YamlLocations locations = YamlLocations.of(text);
            Translation translation = ConfigTranslator.translate(parsed, locations);
            problems = ConfigLint.merge(translation.problems(), ConfigLint.check(parsed, locations, Files::exists));
        } catch (ConfigException e) {
            problems = e.problems();
        }
        long errors = problems.stream().filter(p -> p.severity() == ConfigProblem.Severity.ERROR).count();
        problems.forEach(p -> out.println(p.format(name)));
        out.println(name + ": " + errors + (errors == 1 ? " error, " : " errors, ") + (problems.size() - errors)
                + (problems.size() - errors == 1 ? " warning" : " warnings"));
        out.flush();
        return errors > 0 ? EXIT_ERRORS : 0;
    }

    /** A text that is not YAML at all cannot be checked further: exit 2, with where SnakeYAML gave up. */
    private static ConfigProblem yamlSyntax(String text) {
        try {
            new Yaml(new LoaderOptions()).compose(new StringReader(text));
            return null;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            return new ConfigProblem(ConfigProblem.Severity.ERROR, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, "", "not YAML: " + problem);
        } catch (YAMLException e) {
            return new ConfigProblem(ConfigProblem.Severity.ERROR, 0, 0, "", "not YAML: " + e.getMessage());
        }
    }
}
