package dev.ipv6boot.http;

import io.netty.channel.ChannelFactory;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The Netty transport both servers run on: epoll when {@code netty-transport-native-epoll} (classifier
 * {@code linux-x86_64}) is on the class path and loads, NIO otherwise. Set the system property
 * {@code ipv6boot.transport=nio} to force NIO.
 *
 * @param name                  {@code epoll} or {@code nio}
 * @param ioHandlerFactory      for {@link MultiThreadIoEventLoopGroup}
 * @param serverChannelFactory  TCP listening sockets
 * @param datagramChannelFactory IPv6 UDP sockets
 */
public record NettyTransport(String name, IoHandlerFactory ioHandlerFactory,
                             ChannelFactory<? extends ServerChannel> serverChannelFactory,
                             ChannelFactory<? extends DatagramChannel> datagramChannelFactory) {

    /** The best transport available here. */
    public static NettyTransport detect() {
        if (!"nio".equalsIgnoreCase(System.getProperty("ipv6boot.transport"))) {
            NettyTransport epoll = EpollLoader.tryLoad();
            if (epoll != null) {
                return epoll;
            }
        }
        return nio();
    }

    /** NIO, always available. */
    public static NettyTransport nio() {
        return new NettyTransport("nio", NioIoHandler.newFactory(), NioServerSocketChannel::new,
                () -> new NioDatagramChannel(SocketProtocolFamily.INET6));
    }

    /** A new event-loop group of {@code threads} (0 = Netty's default, twice the cores) on this transport. */
    public MultiThreadIoEventLoopGroup newGroup(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, ioHandlerFactory);
    }

    /** Kept in its own class so that a missing epoll jar fails only here, as a NoClassDefFoundError we catch. */
    private static final class EpollLoader {
        static NettyTransport tryLoad() {
            try {
                if (!io.netty.channel.epoll.Epoll.isAvailable()) {
                    return null;
                }
                return new NettyTransport("epoll", io.netty.channel.epoll.EpollIoHandler.newFactory(),
                        io.netty.channel.epoll.EpollServerSocketChannel::new,
                        () -> new io.netty.channel.epoll.EpollDatagramChannel(SocketProtocolFamily.INET6));
            } catch (LinkageError e) {
                return null;
            }
        }
    }
}
