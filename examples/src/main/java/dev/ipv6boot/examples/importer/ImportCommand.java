package dev.ipv6boot.examples.importer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ipv6boot import dhcpd6.conf radvd.conf [unbound.conf] [apache-vhost.conf] [interfaces] [-o out.yaml]}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Convert the files of ISC dhcpd -6, radvd, unbound and an Apache virtual host (and optionally"
                + " /etc/network/interfaces, which resolves radvd's 'prefix ::/64') into one ipv6boot configuration.",
                "Each file is recognised by its content. What cannot be translated, and the mistakes noticed, are"
                + " printed on stderr as FILE:LINE: KIND: MESSAGE and written as comments at the end of the YAML.",
                "Exit status: 0 imported, 1 imported but mistakes were noticed, 2 a file could not be read."})
public final class ImportCommand implements Callable<Integer> {
    static final int EXIT_MISTAKES = 1;
    static final int EXIT_UNREADABLE = 2;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "dhcpd6.conf, radvd.conf, unbound.conf, Apache"
            + " virtual host, /etc/network/interfaces, in any order")
    private List<Path> files = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.yaml", description = "where to write (default stdout)")
    private Path output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ConfigImporter.SourceFile> sources = new ArrayList<>();
        for (Path file : files) {
            try {
                sources.add(new ConfigImporter.SourceFile(file.getFileName().toString(),
                        Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                err.flush();
                return EXIT_UNREADABLE;
            }
        }
        ConfigImporter.Result result;
        try {
            result = ConfigImporter.importFiles(sources);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return EXIT_UNREADABLE;
        }
        result.notes().forEach(n -> err.println(n.format()));
        err.flush();
        if (output != null) {
            try {
                Files.writeString(output, result.yaml(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println(output + ": cannot write: " + e.getMessage());
                err.flush();
                return EXIT_UNREADABLE;
            }
        } else {
            out.print(result.yaml());
            out.flush();
        }
        boolean mistakes = result.notes().stream().anyMatch(n -> n.kind() == ImportNote.Kind.MISTAKE);
        return mistakes ? EXIT_MISTAKES : 0;
    }
}
