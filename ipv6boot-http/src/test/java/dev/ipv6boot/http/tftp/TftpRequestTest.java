package dev.ipv6boot.http.tftp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TftpRequestTest {

    /** Builds opcode + NUL-separated strings, as RFC 1350 §5 lays them out ("\0" marks each terminator). */
    static ByteBuf request(int opcode, String fields) {
        ByteBuf buf = Unpooled.buffer();
        buf.writeShort(opcode);
        buf.writeBytes(fields.getBytes(StandardCharsets.ISO_8859_1));
        return buf;
    }

    private static TftpRequest parse(int opcode, String fields) {
        ByteBuf buf = request(opcode, fields);
        try {
            return TftpRequest.parse(buf);
        } finally {
            buf.release();
        }
    }

    @Test
    void parsesAPlainReadRequest() {
        assertEquals(new TftpRequest(1, "ipxe.efi", "octet", -1, false, -1, -1), parse(1, "ipxe.efi\0octet\0"));
        assertFalse(parse(1, "ipxe.efi\0octet\0").hasOptions());
    }

    @Test
    void parsesOptionsCaseInsensitively() {
        TftpRequest request = parse(1, "ipxe.efi\0OCTET\0BLKSIZE\0" + "1428\0tsize\0" + "0\0Timeout\0" + "3\0windowsize\0" + "16\0");
        assertEquals(new TftpRequest(1, "ipxe.efi", "octet", 1428, true, 3, 16), request);
        assertTrue(request.hasOptions());
    }

    @Test
    void ignoresUnknownOptionsAndOutOfRangeValues() {
        TftpRequest request = parse(1, "f\0octet\0multicast\0\0blksize\0" + "7\0timeout\0" + "0\0windowsize\0" + "70000\0tsize\0x\0");
        assertEquals(new TftpRequest(1, "f", "octet", -1, false, -1, -1), request);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ipxe.efi", "ipxe.efi\0", "ipxe.efi\0octet", "\0octet\0", "f\0\0", "f\0octet\0blksize\0", "f\0octet\0blksize\0" + "512"})
    void refusesMalformedRequests(String fields) {
        assertNull(parse(1, fields));
    }

    @Test
    void capsTheNumberOfOptions() {
        assertNull(parse(1, "f\0octet\0" + "x\0" + "1\0".repeat(1) + "x\0" + "1\0" + "a\0b\0".repeat(TftpRequest.MAX_OPTIONS)));
    }
}
