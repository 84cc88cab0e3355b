package dev.ipv6boot.ndp.sender;

import dev.ipv6boot.ndp.codec.Ipv6Address;
import dev.ipv6boot.ndp.codec.PrefixInformation;
import dev.ipv6boot.ndp.codec.RouterAdvertisement;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Run by {@link Java17CompatibilityTest} on a Java 17 runtime: the codec works, the advertiser explains itself. */
public final class Java17Probe {
    private Java17Probe() {
    }

    public static void main(String[] args) throws Exception {
        RouterAdvertisement ra = RouterAdvertisement.builder().otherConfig(true)
                .option(PrefixInformation.slaac(Ipv6Address.parse("2001:db8::"), 64)).build();
        ByteBuf buf = Unpooled.buffer();
        ra.writeTo(buf);
        System.out.println("codec round trip: " + ra.equals(RouterAdvertisement.read(buf)));
        buf.release();
        try {
            RouterAdvertiser.start("lo", ra).close();
            System.out.println("advertiser started");
        } catch (RawSocketException e) {
            System.out.println("advertiser: " + e.getMessage());
        }
    }
}
