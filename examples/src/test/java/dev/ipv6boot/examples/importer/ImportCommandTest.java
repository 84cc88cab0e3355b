package dev.ipv6boot.examples.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.examples.config.ConfigLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {
    private static final Path SEED = Path.of("src/test/resources/importer/seed");

    @Test
    void seedImportWritesYamlAndReportsMistakesOnStderr(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ImportCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        Path yaml = dir.resolve("out.yaml");
        int exit = cl.execute(SEED.resolve("dhcpd6.conf").toString(), SEED.resolve("radvd.conf").toString(),
                SEED.resolve("unbound-local.conf").toString(), SEED.resolve("apache-001-preseed.conf").toString(),
                "-o", yaml.toString());
        assertEquals(ImportCommand.EXIT_MISTAKES, exit, err.toString());
        assertTrue(err.toString().contains("dhcpd6.conf:9: mistake: chain-load loop"), err.toString());
        assertTrue(err.toString().contains("radvd.conf:9: mistake: prefix ::/64"), err.toString());
        assertEquals("", out.toString());
        assertEquals("/srv/tftp", ConfigLoader.load(yaml).http().root());
    }

    @Test
    void unreadableOrUnknownFilesExitTwo(@TempDir Path dir) throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ImportCommand());
        cl.setErr(new PrintWriter(err));
        assertEquals(ImportCommand.EXIT_UNREADABLE, cl.execute(dir.resolve("missing.conf").toString()));
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "nothing to import\n");
        assertEquals(ImportCommand.EXIT_UNREADABLE, cl.execute(text.toString()));
        assertTrue(err.toString().contains("notes.txt: not a dhcpd6.conf"), err.toString());
    }

    @Test
    void aCleanImportExitsZeroAndPrintsTheYaml() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ImportCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        int exit = cl.execute("src/test/resources/importer/unbound-forwarding.conf");
        assertEquals(0, exit);
        assertTrue(out.toString().contains("upstreams: [\"[2001:4860:4860::8888]:53\""), out.toString());
    }
}
