package dev.ipv6boot.dhcp6.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;

/**
 * The Netty transport of the server's UDP sockets: native epoll when its optional jars are on the class path and
 * the kernel offers it, the JDK's NIO otherwise (or as configured).
 *
 * <p>With epoll, each read takes up to {@link #BATCH} datagrams in one recvmmsg (a {@link #MAX_DATAGRAM}-octet
 * slot each: a longer datagram is cut and counted malformed; DHCPv6 clients send a few hundred octets), replies
 * written during a read batch leave in one sendmmsg at its end, and the receive buffer is forced
 * (SO_RCVBUFFORCE) past {@code net.core.rmem_max} when the process may (CAP_NET_ADMIN).
 */
record ServerTransport(String name, IoHandlerFactory ioHandlerFactory, ChannelFactory<DatagramChannel> datagram) {

    /** Datagrams per recvmmsg. */
    static final int BATCH = 32;
    /** The slot of one datagram in a batched read. */
    static final int MAX_DATAGRAM = 4096;
    /** Read batches per readiness event before the loop turns to its other work (the fsync callbacks). */
    static final int READS_PER_EVENT = 16;

    static ServerTransport of(Dhcp6Transport wanted) {
        if (wanted != Dhcp6Transport.NIO) {
            try {
                Class.forName("io.netty.channel.epoll.Epoll", false, ServerTransport.class.getClassLoader());
                ServerTransport epoll = Epoll.load();
                if (epoll != null) {
                    return epoll;
                }
            } catch (ClassNotFoundException | LinkageError absent) {
                // the optional epoll jars are not there
            }
            if (wanted == Dhcp6Transport.EPOLL) {
                throw new IllegalStateException("the epoll transport is not available: add netty-transport-native-epoll"
                        + " (classifier linux-x86_64) or choose Dhcp6Transport.NIO");
            }
        }
        return new ServerTransport("nio", NioIoHandler.newFactory(),
                () -> new NioDatagramChannel(SocketProtocolFamily.INET6));
    }

    boolean epoll() {
        return name.equals("epoll");
    }

    /** Sets the transport's read options on {@code bootstrap}. */
    Bootstrap readOptions(Bootstrap bootstrap) {
        if (epoll()) {
            Epoll.readOptions(bootstrap);
        } else {
            bootstrap.option(ChannelOption.MAX_MESSAGES_PER_READ, BATCH * READS_PER_EVENT);
        }
        return bootstrap;
    }

    /**
     * Forces SO_RCVBUF to {@code bytes} past {@code net.core.rmem_max} (epoll and CAP_NET_ADMIN only).
     *
     * @return whether it was forced
     */
    boolean forceReceiveBuffer(Channel channel, int bytes) {
        return epoll() && Epoll.forceReceiveBuffer(channel, bytes);
    }

    /** Touches epoll classes only once they are known to be loadable. */
    private static final class Epoll {
        // SO_RCVBUFFORCE (33) at SOL_SOCKET (1), linux/asm-generic/socket.h
        private static final io.netty.channel.unix.IntegerUnixChannelOption SO_RCVBUFFORCE =
                new io.netty.channel.unix.IntegerUnixChannelOption("SO_RCVBUFFORCE", 1, 33);

        static ServerTransport load() {
            if (!io.netty.channel.epoll.Epoll.isAvailable()) {
                return null;
            }
            return new ServerTransport("epoll", io.netty.channel.epoll.EpollIoHandler.newFactory(),
                    () -> new io.netty.channel.epoll.EpollDatagramChannel(SocketProtocolFamily.INET6));
        }

        static void readOptions(Bootstrap bootstrap) {
            bootstrap.option(io.netty.channel.epoll.EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
                    .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM * BATCH))
                    .option(ChannelOption.MAX_MESSAGES_PER_READ, BATCH * READS_PER_EVENT);
        }

        static boolean forceReceiveBuffer(Channel channel, int bytes) {
            try {
                return channel.config().setOption(SO_RCVBUFFORCE, bytes);
            } catch (RuntimeException notPermitted) {                // EPERM without CAP_NET_ADMIN
                return false;
            }
        }
    }
}
