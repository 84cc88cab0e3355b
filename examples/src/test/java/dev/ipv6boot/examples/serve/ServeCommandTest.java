package dev.ipv6boot.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void aConfigurationWithErrorsPrintsThemWithTheirLinesAndExits2() throws Exception {
        Path config = dir.resolve("boot.yaml");
        Files.writeString(config, "site: {address: \"::1\", state-directory: \"" + dir + "\"}\n"
                + "dhcp6:\n  subnets:\n    - prefix: 2001:db8::/129\n");
        StringWriter err = new StringWriter();
        int status = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err))
                .execute("--config", config.toString());
        assertEquals(2, status);
        assertTrue(err.toString().contains(config + ":4:15: error: dhcp6.subnets[0].prefix: "), err.toString());
        assertTrue(err.toString().contains("not started"), err.toString());
        assertTrue(!Files.exists(dir.resolve("ipv6boot.pid")), "nothing started, no pid file");
    }

    @Test
    void reloadWithoutARunningServerSaysSo() throws Exception {
        Path config = dir.resolve("boot.yaml");
        Files.writeString(config, "site: {address: \"::1\", state-directory: \"" + dir + "\"}\n"
                + "dns: {enabled: false}\nhttp: {listen: [\"[::1]:8080\"]}\n");
        StringWriter err = new StringWriter();
        int status = new CommandLine(new ReloadCommand()).setErr(new PrintWriter(err))
                .execute("--config", config.toString());
        assertEquals(1, status, err.toString());
        assertTrue(err.toString().contains("no running server"), err.toString());
    }
}
