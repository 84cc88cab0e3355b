package dev.ipv6boot.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5952 canonical text, with the RFC's own examples. */
class Ipv6AddressFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",          // §4.2.1 shorten the longest run
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",                      // §4.2.3 first of equal runs
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",                   // §4.2.2 one zero group stays
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",                            // longest run wins
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "fe80:0:0:0:0:ff:fe00:2, fe80::ff:fe00:2",
        "2001:DB8:0:0:0:0:0:0, 2001:db8::",                             // §4.3 lower case
        "0:0:0:0:0:ffff:c000:0201, ::ffff:192.0.2.1",                   // §5 IPv4-mapped
        "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
    })
    void formatsCanonically(String input, String expected) throws Exception {
        byte[] bytes = InetAddress.getByName(input).getAddress();
        if (bytes.length == 4) {                                        // the JDK turns mapped addresses into IPv4
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[3], bytes);
        assertEquals(expected, Ipv6AddressFormat.append(new StringBuilder(), buf, 3).toString());
        assertEquals(expected, Ipv6AddressFormat.toString(buf.getLong(3), buf.getLong(11)));
    }
}
