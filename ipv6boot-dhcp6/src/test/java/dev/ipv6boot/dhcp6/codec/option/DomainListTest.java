package dev.ipv6boot.dhcp6.codec.option;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DNS names in wire format (RFC 1035 §3.1) both ways, fully qualified and partial (RFC 4704 §4.2). */
class DomainListTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "boot.example.,  04626f6f74076578616d706c6500, true",
        "node7,          056e6f646537,                 false",
        "'.',            00,                           true",
        "a.b,            01610162,                     false",
    })
    void writesReadsAndPrintsNames(String name, String wire, boolean fullyQualified) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.heapBuffer(300);
        try {
            assertEquals(wire.length() / 2, DomainList.writeName(buf, name));
            assertEquals(wire, ByteBufUtil.hexDump(buf));
            int end = buf.writerIndex();
            assertEquals(fullyQualified ? end : -1, DomainList.nameEnd(buf, 0, end));
            assertEquals(end, DomainList.partialNameEnd(buf, 0, end));
            StringBuilder text = new StringBuilder();
            assertEquals(end, DomainList.appendName(text, buf, 0, end));
            assertEquals(name, text.toString());
        } finally {
            buf.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"''", "a..b", "..", "é.example."})
    void refusesNamesThatHaveNoWireForm(String name) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.heapBuffer(300);
        try {
            buf.writeByte(0x55);
            assertEquals(-1, DomainList.writeName(buf, name));
            assertEquals(1, buf.writerIndex(), "nothing written");
        } finally {
            buf.release();
        }
    }
}
