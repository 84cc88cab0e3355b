package dev.ipv6boot.dns.acl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccessControlTest {
    private static InetAddress ip(String literal) throws IOException {
        return InetAddress.getByName(literal);
    }

    @Test
    void theMostSpecificPrefixWinsWhateverTheOrder() throws Exception {
        AccessControl acl = AccessControl.of(List.of(
                AccessRule.parse("2001:db8::/32", AccessAction.ALLOW),
                AccessRule.parse("2001:db8:bad::/48", AccessAction.REFUSE),
                AccessRule.parse("2001:db8:bad:1::/64", AccessAction.ALLOW)));
        assertEquals(AccessAction.ALLOW, acl.decide(ip("2001:db8:1::5")));
        assertEquals(AccessAction.REFUSE, acl.decide(ip("2001:db8:bad::5")));
        assertEquals(AccessAction.ALLOW, acl.decide(ip("2001:db8:bad:1::5")));
        assertEquals(AccessAction.DENY, acl.decide(ip("2001:db9::1")), "unlisted: denied, not refused");
    }

    @Test
    void loopbackIsAllowedByDefaultButCanBeOverridden() throws Exception {
        assertEquals(AccessAction.ALLOW, AccessControl.loopbackOnly().decide(ip("::1")));
        assertEquals(AccessAction.ALLOW, AccessControl.loopbackOnly().decide(ip("127.0.0.53")));
        assertEquals(AccessAction.DENY, AccessControl.loopbackOnly().decide(ip("fe80::1")));
        AccessControl acl = AccessControl.of(List.of(AccessRule.parse("::1", AccessAction.REFUSE)));
        assertEquals(AccessAction.REFUSE, acl.decide(ip("::1")));
    }

    @Test
    void ipv4MappedSourcesMatchTheirIpv4Rules() throws Exception {
        AccessControl acl = AccessControl.of(List.of(AccessRule.parse("192.0.2.0/24", AccessAction.ALLOW)));
        java.net.Inet6Address mapped = java.net.Inet6Address.getByAddress(null,
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 7}, null);
        assertEquals(AccessAction.ALLOW, acl.decide(mapped));
    }

    @Test
    void rejectsNetblocksWithHostBitsOrBadLengths() {
        assertThrows(IllegalArgumentException.class, () -> AccessRule.parse("2001:db8::1/32", AccessAction.ALLOW));
        assertThrows(IllegalArgumentException.class, () -> AccessRule.parse("2001:db8::/129", AccessAction.ALLOW));
        assertThrows(IllegalArgumentException.class, () -> AccessRule.parse("boot.example", AccessAction.ALLOW));
    }

    /** The seed's unbound-local.conf (copied to test resources), read with unbound's semantics. */
    @Test
    void reproducesTheSeedUnboundConfiguration() throws Exception {
        String config;
        try (InputStream in = getClass().getResourceAsStream("/seed/unbound-local.conf")) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        AccessControl acl = AccessControl.fromUnboundConfig(config);
        assertEquals(AccessAction.ALLOW, acl.decide(ip("127.0.0.1")));
        assertEquals(AccessAction.ALLOW, acl.decide(ip("::1")));
        assertEquals(AccessAction.ALLOW, acl.decide(ip("2001:db8::42")), "the boot network");
        assertEquals(AccessAction.ALLOW, acl.decide(ip("2001:db8:ffff::1")),
                "the seed's /32 also lets in every other 2001:db8 network, not just the boot /64");
        assertEquals(AccessAction.DENY, acl.decide(ip("2001:db9::1")), "unbound would REFUSE; we drop");
        assertEquals(AccessAction.DENY, acl.decide(ip("fe80::2")), "link-local sources are not listed");
    }

    @Test
    void rejectsUnboundActionsItCannotReproduceFaithfully() throws Exception {
        assertThrows(IllegalArgumentException.class,
                () -> AccessControl.fromUnboundConfig("server:\n  access-control: ::/0 refuse_non_local\n"));
        assertEquals(AccessAction.ALLOW_SNOOP,
                AccessControl.fromUnboundConfig("access-control: ::/0 allow_snoop # comment\n").decide(ip("2001:db8::1")));
    }
}
