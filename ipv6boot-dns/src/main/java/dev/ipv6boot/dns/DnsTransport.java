package dev.ipv6boot.dns;

import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.io.IOException;
import java.net.StandardSocketOptions;

/**
 * The Netty transport: native epoll when its optional jars are on the class path and the kernel offers it,
 * the JDK's NIO otherwise. {@code reusePort} is the option that lets several UDP sockets share a port (null
 * when unsupported); {@code maxDatagramPayloadSize}, when not null, makes a UDP socket read a batch of
 * datagrams with one {@code recvmmsg} call, each in a slot of that size.
 */
record DnsTransport(String name, IoHandlerFactory ioHandlerFactory, ChannelFactory<DatagramChannel> datagram,
                    ChannelFactory<ServerChannel> server, ChannelFactory<SocketChannel> socket,
                    ChannelOption<Boolean> reusePort, ChannelOption<Integer> maxDatagramPayloadSize) {

    static DnsTransport best() {
        try {
            Class.forName("io.netty.channel.epoll.Epoll", false, DnsTransport.class.getClassLoader());
            DnsTransport epoll = Epoll.load();
            if (epoll != null) {
                return epoll;
            }
        } catch (ClassNotFoundException | LinkageError absent) {
            // the optional epoll jars are not there: NIO it is
        }
        return nio();
    }

    static DnsTransport nio() {
        return new DnsTransport("nio", NioIoHandler.newFactory(), NioDatagramChannel::new,
                NioServerSocketChannel::new, NioSocketChannel::new,
                nioReusePort() ? NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT) : null, null);
    }

    private static boolean nioReusePort() {
        try (java.nio.channels.DatagramChannel probe = java.nio.channels.DatagramChannel.open()) {
            return probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Touches epoll classes only when they are known to be loadable. */
    private static final class Epoll {
        static DnsTransport load() {
            if (!io.netty.channel.epoll.Epoll.isAvailable()) {
                return null;
            }
            return new DnsTransport("epoll", io.netty.channel.epoll.EpollIoHandler.newFactory(),
                    io.netty.channel.epoll.EpollDatagramChannel::new,
                    io.netty.channel.epoll.EpollServerSocketChannel::new,
                    io.netty.channel.epoll.EpollSocketChannel::new,
                    io.netty.channel.epoll.EpollChannelOption.SO_REUSEPORT,
                    io.netty.channel.epoll.EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE);
        }
    }
}
