package dev.ipv6boot.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Runs the demo in-process (every service on [::1]) and checks each step of both clients happened. */
class DemoCommandTest {

    @Test
    void bothClientsBootStepByStepAndTheTimelinesShowIt() {
        DemoCommand demo = new DemoCommand();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(demo).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute();
        String printed = out.toString();
        assertEquals(0, status, printed + err);

        List<String> steps = demo.steps().stream().map(s -> s.client() + ": " + s.name()).toList();
        assertEquals(List.of(
                "UEFI PXE client: Solicit -> Advertise",
                "UEFI PXE client: Request -> Reply",
                "UEFI PXE client: TFTP /ipxe.efi",
                "iPXE client: Solicit -> Advertise",
                "iPXE client: Request -> Reply",
                "iPXE client: GET /ipxe/boot.ipxe",
                "iPXE client: GET /ipxe/52-54-00-00-00-02.ipxe",
                "iPXE client: GET /ubuntu-installer/amd64/linux",
                "iPXE client: GET /ubuntu-installer/amd64/initrd.gz",
                "iPXE client: GET /preseed/52-54-00-00-00-02.cfg"), steps);
        assertTrue(demo.steps().stream().allMatch(DemoCommand.Step::ok), printed);
        assertTrue(err.toString().isBlank(), "the demo's configuration has no problem: " + err);

        // the server's side, as the boot observer saw it: firmware's DHCPv6 and TFTP, then iPXE's DHCPv6 and HTTP
        String uefi = section(printed, "52:54:00:12:34:56 (node-1): loader fetched");
        assertTrue(uefi.contains("DHCPv6  Solicit -> Advertise, arch EFI x86-64 (0x0007), vendor class \"PXEClient"), uefi);
        assertTrue(uefi.contains("lease   address 2001:db8::1:"), uefi);
        assertTrue(uefi.contains("TFTP    RRQ ipxe.efi complete, 3000 bytes"), uefi);
        String ipxe = section(printed, "52:54:00:00:00:02 (node-2): answers fetched");
        assertTrue(ipxe.contains("Request -> Reply, arch EFI x86-64 (0x0007), user class \"iPXE\""), ipxe);
        for (String path : List.of("/ipxe/boot.ipxe", "/ipxe/52-54-00-00-00-02.ipxe", "/ubuntu-installer/amd64/linux",
                "/ubuntu-installer/amd64/initrd.gz", "/preseed/52-54-00-00-00-02.cfg")) {
            assertTrue(ipxe.contains("HTTP    GET " + path + " 200"), path + " in\n" + ipxe);
        }
        assertTrue(printed.contains("both clients completed: 10 steps"), printed);
    }

    private static String section(String printed, String heading) {
        int start = printed.indexOf(heading);
        assertTrue(start >= 0, heading + " in\n" + printed);
        int end = printed.indexOf("\n5", start + heading.length());      // the next machine's heading
        end = end < 0 ? printed.indexOf("\n\n", start) : end;
        return printed.substring(start, end < 0 ? printed.length() : end);
    }
}
