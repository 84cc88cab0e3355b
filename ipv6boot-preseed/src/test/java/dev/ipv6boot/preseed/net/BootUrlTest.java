package dev.ipv6boot.preseed.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class BootUrlTest {
    @Test
    void bracketsIpv6LiteralsWhateverTheInput() throws Exception {
        assertEquals("http://[2001:db8::1]/boot/x.ipxe", BootUrl.http("2001:db8::1", "/boot/x.ipxe").toString());
        assertEquals("http://[2001:db8::1]/x", BootUrl.http("[2001:DB8::1]", "x").toString());
        assertEquals("http://[2001:db8::1]/x", BootUrl.http(InetAddress.getByName("2001:db8::1"), "/x").toString());
        assertEquals("tftp://[2001:db8::1]:69/ipxe.efi", BootUrl.of("tftp", "2001:db8::1", 69, "/ipxe.efi").toString());
    }

    @Test
    void writesIpv6InRfc5952Form() {
        assertEquals("2001:db8::1", BootUrl.canonical("2001:DB8:0:0:0:0:0:1"));
        assertEquals("2001:db8:0:1::", BootUrl.canonical("2001:db8:0:1:0:0:0:0"));
        assertEquals("2001:db8::1:0:0:1", BootUrl.canonical("2001:db8:0:0:1:0:0:1"));
        assertEquals("2001:db8:0:1:1:1:1:1", BootUrl.canonical("2001:db8::1:1:1:1:1"));
        assertEquals("::", BootUrl.canonical("0:0:0:0:0:0:0:0"));
    }

    @Test
    void encodesZoneAsPercent25() {
        assertEquals("http://[fe80::1%25eth0]/x", BootUrl.http("fe80::1%eth0", "/x").toString());
        assertEquals("http://[fe80::1%25eth0]/x", BootUrl.http("[fe80::1%25eth0]", "/x").toString());
    }

    @Test
    void keepsHostNamesAndIpv4() {
        assertEquals("http://boot.example.net:8080/a", BootUrl.of("http", "Boot.Example.NET", 8080, "/a").toString());
        assertEquals("http://192.0.2.1/a", BootUrl.http("192.0.2.1", "/a").toString());
    }

    @Test
    void percentEncodesPathButKeepsIpxeExpansions() {
        assertEquals("/my%20dir/${net0/mac:hexhyp}.ipxe", BootUrl.encodePath("/my dir/${net0/mac:hexhyp}.ipxe"));
        assertEquals("/a%3Fb%23c/%C3%A9", BootUrl.encodePath("a?b#c/é"));
        assertEquals("/already%20done", BootUrl.encodePath("/already%20done"));
        assertEquals("/50%25", BootUrl.encodePath("/50%"));
    }

    @Test
    void parsesAndRefusesUnbracketedIpv6() {
        BootUrl u = BootUrl.parse("http://[2001:db8::1]:8080/preseed/a.cfg");
        assertEquals("[2001:db8::1]", u.host());
        assertEquals(8080, u.port());
        assertEquals("/preseed/a.cfg", u.path());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BootUrl.parse("http://2001:db8::1/preseed/a.cfg"));
        assertEquals("unbracketed-ipv6", e.validation().problems().get(0).code());
        assertThrows(InvalidInputException.class, () -> BootUrl.parse("http://[2001:db8::1/x"));
        assertThrows(InvalidInputException.class, () -> BootUrl.parse("http://[not-ipv6]/x"));
        assertThrows(InvalidInputException.class, () -> BootUrl.parse("ftp://host/x"));
        assertThrows(InvalidInputException.class, () -> BootUrl.parse("/relative"));
        assertThrows(InvalidInputException.class, () -> BootUrl.http("bad host", "/x"));
    }

    @Test
    void resolvesRelativePaths() {
        BootUrl base = BootUrl.http("2001:db8::1", "/autoinstall");
        assertEquals("http://[2001:db8::1]/autoinstall/52-54-00-12-34-56/", base.resolve("52-54-00-12-34-56/").toString());
    }
}
