package dev.ipv6boot.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class RequestTargetTest {

    @ParameterizedTest
    @CsvSource({
            "/ipxe.efi, /ipxe.efi, ''",
            "/boot/52-54-00-12-34-56.ipxe?arch=efi, /boot/52-54-00-12-34-56.ipxe, arch=efi",
            "/a%20b.txt, /a b.txt, ''",
            "/%2e%2e/secret, /../secret, ''",
            "/..%2fsecret, /../secret, ''",
            "/%252e%252e/secret, /%2e%2e/secret, ''",
            "http://[2001:db8::1]/ubuntu.cfg, /ubuntu.cfg, ''",
            "HTTP://[2001:db8::1], /, ''",
            "/caf%C3%A9, /café, ''",
            "/x#frag, /x, ''",
    })
    void decodesThePathExactlyOnce(String uri, String path, String query) {
        RequestTarget target = assertInstanceOf(RequestTarget.Ok.class, RequestTarget.parse(uri)).target();
        assertEquals(path, target.path());
        assertEquals(query, target.query());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "ipxe.efi", "/%", "/%2", "/%zz", "/%c0%ae%c0%ae/secret", "/%ff", "/caf\u00e9"})
    void refusesMalformedTargets(String uri) {
        assertEquals(PathRefusal.MALFORMED,
                assertInstanceOf(RequestTarget.Bad.class, RequestTarget.parse(uri)).reason());
    }

    @Test
    void aDecodedNulReachesTheRootCheckWhichRefusesIt() {
        String path = assertInstanceOf(RequestTarget.Ok.class, RequestTarget.parse("/ipxe.efi%00.txt")).target().path();
        assertEquals("/ipxe.efi\u0000.txt", path);
    }
}
