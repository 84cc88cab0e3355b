package dev.ipv6boot.bench.ndp;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.NetworkInterface;
import java.nio.ByteOrder;

/**
 * Sends Router Solicitations to ff02::2 as fast as a raw ICMPv6 socket takes them, for the load script: an RS
 * storm such as a rack powering on at once produces (and far more than one would).
 * Usage: {@code RsFlood INTERFACE COUNT}. Linux, root.
 */
public final class RsFlood {
    private RsFlood() {
    }

    public static void main(String[] args) throws Throwable {
        String name = args[0];
        int count = Integer.parseInt(args[1]);
        int index = NetworkInterface.getByName(name).getIndex();
        Linker linker = Linker.nativeLinker();
        MethodHandle socket = linker.downcallHandle(linker.defaultLookup().find("socket").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        MethodHandle setsockopt = linker.downcallHandle(linker.defaultLookup().find("setsockopt").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                        ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        MethodHandle sendto = linker.downcallHandle(linker.defaultLookup().find("sendto").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) socket.invokeExact(10, 3, 58);                       // AF_INET6, SOCK_RAW, IPPROTO_ICMPV6
            if (fd < 0) {
                throw new IllegalStateException("raw socket refused: needs root / CAP_NET_RAW");
            }
            MemorySegment value = arena.allocate(ValueLayout.JAVA_INT);
            value.set(ValueLayout.JAVA_INT, 0, 255);
            int ignored = (int) setsockopt.invokeExact(fd, 41, 18, value, 4);   // IPV6_MULTICAST_HOPS 255
            value.set(ValueLayout.JAVA_INT, 0, index);
            ignored = (int) setsockopt.invokeExact(fd, 41, 17, value, 4);       // IPV6_MULTICAST_IF
            MemorySegment rs = arena.allocate(16);                              // RS with SLLA 02:00:00:00:00:02
            rs.set(ValueLayout.JAVA_BYTE, 0, (byte) 133);
            rs.set(ValueLayout.JAVA_BYTE, 8, (byte) 1);
            rs.set(ValueLayout.JAVA_BYTE, 9, (byte) 1);
            rs.set(ValueLayout.JAVA_BYTE, 10, (byte) 2);
            rs.set(ValueLayout.JAVA_BYTE, 15, (byte) 2);
            MemorySegment to = arena.allocate(28);                              // sockaddr_in6 ff02::2%index
            to.set(ValueLayout.JAVA_SHORT, 0, (short) 10);
            to.set(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), 8, 0xff02L << 48);
            to.set(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), 16, 2L);
            to.set(ValueLayout.JAVA_INT, 24, index);
            long start = System.nanoTime();
            int sent = 0;
            for (int i = 0; i < count; i++) {
                if ((long) sendto.invokeExact(fd, rs, 16L, 0, to, 28) == 16) {
                    sent++;
                }
            }
            System.out.println("sent " + sent + " RS in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }
}
