package dev.ipv6boot.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The module README's example, run as written: its printed output must be what the README shows. */
class ReadmeExampleTest {

    @Test
    void theReadmeShowsTheExamplesRealOutput() throws Exception {
        StringBuilder printed = new StringBuilder();
        // ---- begin README example ----
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(1472);
        try {
            Dhcp6Writer writer = new Dhcp6Writer();                     // one per thread, reused
            boolean written = writer.begin(out, 1472)                  // EDK2's PXE buffer: never more
                    .header(Dhcp6MessageType.ADVERTISE.value(), 0xe8e6ec)
                    .beginOption(OptionCodes.CLIENT_ID).duidLlt(1, 836785258, 0x525400123456L).endOption()
                    .serverIdLl(0x020000000001L)
                    .iaNa(0xfab37777L, 900, 1440).iaAddress(0x20010db800000000L, 0x10000, 1800, 3600).endOption()
                    .preference(255)
                    .dnsServers(0x20010db800000000L, 1)
                    .bootFileUrl("tftp://[2001:db8::1]/ipxe.efi")
                    .finish();

            Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);   // one per thread, reused
            if (written && view.wrap(out)) {
                Dhcp6Printer.print(view, printed);
            } else {
                printed.append(view.error()).append(" at ").append(view.errorOffset());
            }
        } finally {
            out.release();
        }
        // ---- end README example ----
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(printed.toString()), "README.md must show:\n" + printed);
    }
}
