package dev.ipv6boot.examples.observe;

import dev.ipv6boot.examples.config.Addresses;
import dev.ipv6boot.examples.config.AdminConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusCommandTest {
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new StatusCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void printsATableOfTheRunningServersMachines() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        BootObserver observer = BootObserver.builder().clock(clock).hostname(BootMessages.MAC_TEXT, "alpha").build();
        ServerMetrics metrics = new ServerMetrics(observer);
        BootMessages.answer(observer, BootMessages.capturedEdk2Solicit(), 2);
        observer.served(BootMessages.http(BootMessages.LINK_LOCAL, "/ipxe.efi", 200, 1000));
        clock.advance(Duration.ofMinutes(17).plusSeconds(4));
        observer.served(BootMessages.http("fe80::ff:fe00:a", "/preseed/a.cfg", 200, 1000));
        clock.advance(Duration.ofSeconds(30));
        try (AdminServer admin = AdminServer.start(new AdminConfig(List.of("[::1]:0"), 15), observer, metrics)) {
            Run run = run("--admin", "http://" + Addresses.format(admin.localAddresses().getFirst()));
            assertEquals(0, run.exitCode(), run.err());
            List<String> lines = run.out().lines().toList();
            assertTrue(lines.get(0).matches("MAC +HOSTNAME +STAGE +SINCE +LAST EVENT +STUCK"), lines.get(0));
            assertTrue(lines.get(1).matches("02:00:00:00:00:0a +- +answers fetched +30s +http: GET /preseed/a\\.cfg 200.*"),
                    lines.get(1));
            assertTrue(lines.get(2).matches("52:54:00:12:34:56 +alpha +loader fetched +17m 34s +http: GET /ipxe\\.efi .* STUCK"),
                    lines.get(2));
            int stageColumn = lines.get(0).indexOf("STAGE");
            assertEquals(stageColumn, lines.get(1).indexOf("answers"));
            assertEquals(stageColumn, lines.get(2).indexOf("loader"));
            assertEquals("2 machine(s), 1 stuck (no progress for 15 min)", lines.get(3));
        }
    }

    @Test
    void saysClearlyWhenNoServerAnswersAndExits1() throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            port = unused.getLocalPort();
        }
        Run run = run("--admin", "http://[::1]:" + port, "--timeout", "2");
        assertEquals(StatusCommand.EXIT_UNREACHABLE, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("status: cannot reach the ipv6boot server at http://[::1]:" + port
                + "/status (connection refused)"), run.err());
        assertTrue(run.err().contains("ipv6boot serve"), run.err());
    }

    @Test
    void sinceIsShortAndHuman() {
        assertEquals("45s", StatusCommand.ago(Duration.ofSeconds(45)));
        assertEquals("12m 5s", StatusCommand.ago(Duration.ofSeconds(725)));
        assertEquals("3h 2m", StatusCommand.ago(Duration.ofMinutes(182)));
    }
}
