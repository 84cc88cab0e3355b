package dev.ipv6boot.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PathPatternTest {

    @Test
    void bindsParametersWithinASegment() {
        PathPattern pattern = PathPattern.compile("/boot/{mac}.ipxe");
        assertEquals(Map.of("mac", "52-54-00-12-34-56"), pattern.match("/boot/52-54-00-12-34-56.ipxe"));
        assertEquals(Map.of("mac", "a.b"), pattern.match("/boot/a.b.ipxe"));
        assertNull(pattern.match("/boot/.ipxe"));
        assertNull(pattern.match("/boot/x/y.ipxe"));
        assertNull(pattern.match("/boot/x.cfg"));
        assertNull(pattern.match("/other/x.ipxe"));
    }

    @Test
    void bindsSeveralParameters() {
        PathPattern pattern = PathPattern.compile("/preseed/{rack}/{host}.cfg");
        assertEquals(Map.of("rack", "r1", "host", "ceph-01"), pattern.match("/preseed/r1/ceph-01.cfg"));
        assertNull(pattern.match("/preseed/r1/x/ceph-01.cfg"));
    }

    @Test
    void literalPatternsMatchExactly() {
        PathPattern pattern = PathPattern.compile("/menu.ipxe");
        assertEquals(Map.of(), pattern.match("/menu.ipxe"));
        assertNull(pattern.match("/menu.ipxe2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"boot/{mac}", "/boot/{mac", "/boot/mac}", "/{a}{b}", "/{}", "/{a}/{a}"})
    void refusesAmbiguousOrBrokenPatterns(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.compile(pattern));
    }
}
