package dev.ipv6boot.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ByteRangeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bytes=0-99 | 0 | 99",
            "bytes=100- | 100 | 999",
            "bytes=-100 | 900 | 999",
            "bytes=-5000 | 0 | 999",
            "bytes=990-5000 | 990 | 999",
            "BYTES= 5 - 9 | 5 | 9",
    })
    void resolvesOneRangeAgainstTheLength(String header, long first, long last) {
        ByteRange.Partial partial = assertInstanceOf(ByteRange.Partial.class, ByteRange.parse(header, 1000));
        assertEquals(new ByteRange(first, last), partial.range());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"bytes=1000-", "bytes=2000-3000", "bytes=-0"})
    void rangesOutsideTheFileAreUnsatisfiable(String header) {
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse(header, 1000));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"items=0-5", "bytes=5-1", "bytes=a-b", "bytes=0-1,5-6", "bytes=", "bytes=99999999999999999999-"})
    void unusableRangesServeTheWholeFile(String header) {
        assertInstanceOf(ByteRange.Whole.class, ByteRange.parse(header, 1000));
    }
}
