package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The oracle of STYLE.md: random and mutated messages never throw anything but {@link NdpFormatException}, and
 * whatever parses re-encodes to something that parses to the same value.
 */
class NdpCodecFuzzTest {
    private static final int ROUNDS = 20_000;

    @Test
    void randomBytesNeverEscapeAsAnythingButAStatus() throws Exception {
        SplittableRandom random = new SplittableRandom(0x6e6470);
        NdpMessageView view = new NdpMessageView();
        for (int round = 0; round < ROUNDS; round++) {
            byte[] bytes = new byte[random.nextInt(0, 200)];
            random.nextBytes(bytes);
            if (bytes.length > 1) {
                bytes[0] = (byte) (133 + random.nextInt(0, 3));  // reach past the type check
                bytes[1] = 0;
            }
            check(view, bytes);
        }
    }

    @Test
    void mutatedValidAdvertisementsRoundTripOrFailWithAStatus() throws Exception {
        RouterAdvertisement seed = RouterAdvertisement.builder().otherConfig(true).routerLifetime(180)
                .option(PrefixInformation.slaac(Ipv6Address.parse("2001:db8::"), 64))
                .option(new RecursiveDnsServers(60, List.of(Ipv6Address.parse("2001:db8::1"))))
                .option(new DnsSearchList(60, List.of("boot.example", "example")))
                .option(new RouteInformation(Ipv6Address.parse("2001:db8:1::"), 48, RouterPreference.HIGH, 600))
                .option(new Pref64(Ipv6Address.parse("64:ff9b::"), 96, 600))
                .option(new CaptivePortal("https://cp.example/"))
                .option(new MtuOption(1500)).option(new SourceLinkLayerAddress(0x020000000001L)).build();
        ByteBuf buf = Unpooled.buffer();
        seed.writeTo(buf);
        byte[] valid = new byte[buf.readableBytes()];
        buf.readBytes(valid);
        buf.release();
        SplittableRandom random = new SplittableRandom(42);
        NdpMessageView view = new NdpMessageView();
        for (int round = 0; round < ROUNDS; round++) {
            byte[] bytes = valid.clone();
            for (int flips = random.nextInt(1, 4); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            check(view, bytes);
        }
    }

    private static void check(NdpMessageView view, byte[] bytes) throws Exception {
        if (view.parse(Unpooled.wrappedBuffer(bytes)) != NdpStatus.OK || !view.isRouterAdvertisement()) {
            return;
        }
        RouterAdvertisement first;
        try {
            first = RouterAdvertisement.from(view);
        } catch (NdpFormatException expected) {
            return;
        }
        ByteBuf out = Unpooled.buffer();
        try {
            first.writeTo(out);
            assertEquals(first, RouterAdvertisement.read(out), () -> "parse → encode → parse differs for " + first);
        } finally {
            out.release();
        }
    }
}
