package dev.ipv6boot.ndp.sender;

import dev.ipv6boot.ndp.codec.Ipv6Address;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Run in a child JVM inside the client namespace: sends {@code count} Router Solicitations with a source
 * link-layer address to all-routers as fast as the socket takes them, then prints how long that took.
 */
public final class RsStorm {
    private RsStorm() {
    }

    public static void main(String[] args) throws Exception {
        String interfaceName = args[0];
        int count = Integer.parseInt(args[1]);
        Ipv6Address allRouters = new Ipv6Address(0xff02L << 48, 2);
        ByteBuf rs = Unpooled.buffer(16);
        rs.writeInt(133 << 24);                         // type 133, code 0, checksum by the kernel
        rs.writeInt(0);                                 // reserved
        rs.writeShort(0x0101).writeShort(0x0200).writeInt(0x00000002);  // SLLA 02:00:00:00:00:02
        int sent = 0;
        long start = System.nanoTime();
        try (Icmpv6Socket socket = Icmpv6Sockets.open(interfaceName, 100)) {
            for (int i = 0; i < count; i++) {
                socket.send(rs, allRouters);
                sent++;
            }
        } finally {
            rs.release();
        }
        System.out.println("sent " + sent + " RS in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
