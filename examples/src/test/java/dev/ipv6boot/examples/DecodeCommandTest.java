package dev.ipv6boot.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecodeCommandTest {
    /** The captures bundled with the codec's tests (real clients and servers; provenance in their README). */
    private static final Path VECTORS = Path.of("..", "ipv6boot-dhcp6", "src", "test", "resources", "vectors");

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Ipv6bootCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void decodesEveryBundledCaptureWithoutAMalformedMessage() throws IOException {
        List<String> captures;
        try (Stream<Path> files = Files.list(VECTORS)) {
            captures = files.filter(p -> p.toString().endsWith(".pcap")).map(Path::toString).sorted().toList();
        }
        assertFalse(captures.isEmpty(), "no captures under " + VECTORS.toAbsolutePath());
        Run run = run(Stream.concat(Stream.of("decode"), captures.stream()).toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        Matcher summary = Pattern.compile("(\\d+) DHCPv6 message\\(s\\), 0 malformed").matcher(run.out());
        assertTrue(summary.find(), run.out());
        int printed = countMatches(run.out(), "(?m)^\\S+\\.pcap frame \\d+ ");
        assertEquals(Integer.parseInt(summary.group(1)), printed);
        assertTrue(printed > 50, "expected the ~76 messages of the bundled captures, got " + printed);
    }

    @Test
    void printsTheFactsOfAnIpxeInformationRequest() {
        Run run = run("decode", VECTORS.resolve("ipxe-efi-boot.pcap").toString());
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("Information-request (11)"), out);
        assertTrue(out.contains("iPXE"), "user class iPXE: " + out);
        assertTrue(out.contains("PXEClient"), "vendor class text: " + out);
        assertTrue(out.contains("EFI x86-64"), "arch 7 by name: " + out);
        assertTrue(out.contains("[fe80::"), "link-local source in RFC 5952 form: " + out);
    }

    @Test
    void nestsTheRelayedMessageOfARelayForward() {
        Run run = run("decode", VECTORS.resolve("dhcp6-kea-perfdhcp-relay.pcap").toString());
        assertEquals(0, run.exitCode(), run.err());
        int relayForward = run.out().indexOf("Relay-forw (12)");
        assertTrue(relayForward >= 0, run.out());
        int inner = run.out().indexOf("Solicit (1)", relayForward);
        assertTrue(inner > relayForward, "the relayed Solicit follows its Relay-Forward: " + run.out());
    }

    @Test
    void reportsWhereAndWhyAMessageIsMalformedAndGoesOn() {
        // A Solicit whose Client-ID claims 14 bytes but carries 4; then a well-formed Solicit with Rapid Commit.
        Run run = run("decode", "--hex", "01 00 00 01 00 01 00 0e 00 01 00 01", "--hex", "01000001000e0000");
        assertEquals(DecodeCommand.EXIT_MALFORMED, run.exitCode());
        assertTrue(run.out().contains("MALFORMED at byte 4 of 12"), run.out());
        assertTrue(run.out().contains("Rapid Commit"), "the next message is still decoded: " + run.out());
        assertTrue(run.out().contains("2 DHCPv6 message(s), 1 malformed"), run.out());
    }

    @Test
    void aFileThatIsNotAPcapMakesTheExitStatusTwo(@TempDir Path dir) throws IOException {
        Path notPcap = dir.resolve("capture.pcapng");
        Files.write(notPcap, new byte[]{0x0a, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        Run run = run("decode", notPcap.toString(), VECTORS.resolve("dhcp6-kea-dhclient-inforeq.pcap").toString());
        assertEquals(DecodeCommand.EXIT_UNREADABLE, run.exitCode());
        assertTrue(run.err().contains("pcapng"), run.err());
        assertTrue(run.out().contains("Information-request (11)"), "the readable file is still decoded: " + run.out());
    }

    @Test
    void aTruncatedCaptureSaysWhereItEnds(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(VECTORS.resolve("dhcp6-kea-dhclient-inforeq.pcap"));
        Path truncated = dir.resolve("truncated.pcap");
        Files.write(truncated, Arrays.copyOf(whole, whole.length - 7));
        Run run = run("decode", truncated.toString());
        assertEquals(DecodeCommand.EXIT_UNREADABLE, run.exitCode());
        assertTrue(run.err().contains("past the end of the file"), run.err());
    }

    private static int countMatches(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
