package dev.ipv6boot.http;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * What the HTTP and the TFTP server both run on: one event-loop group, one bound channel per listen address, and
 * two file threads of the server's own when the caller gave no file executor. {@link #close()} stops accepting on
 * every address, then the event loops, then the file threads.
 *
 * <p>Public only because {@link dev.ipv6boot.http.tftp.TftpServer} lives in a sub-package; applications start
 * an {@link ArtifactServer} or a {@code TftpServer}, never this.
 */
public final class ListeningSockets implements AutoCloseable {
    private static final int OWN_FILE_THREADS = 2;
    private final EventLoopGroup group;
    private final List<Channel> channels;
    private final ExecutorService ownFileThreads;

    private ListeningSockets(EventLoopGroup group, List<Channel> channels, ExecutorService ownFileThreads) {
        this.group = group;
        this.channels = channels;
        this.ownFileThreads = ownFileThreads;
    }

    /**
     * Starts the event loops and binds every address in {@code listen}, in order, with the bootstrap
     * {@code configure} builds from the group and the file executor. When a bind fails, what was bound is
     * closed, the loops and own file threads are stopped, and the failure is rethrown.
     *
     * @param threads         event-loop threads; 0 lets Netty choose
     * @param fileExecutor    where files are resolved; null for two daemon threads named {@code fileThreadName}
     * @throws java.io.IOException (as Netty's exception) when an address cannot be bound
     */
    public static ListeningSockets bind(NettyTransport transport, int threads, Executor fileExecutor,
                                        String fileThreadName, List<InetSocketAddress> listen,
                                        BiFunction<EventLoopGroup, Executor, AbstractBootstrap<?, ?>> configure)
            throws InterruptedException {
        ExecutorService ownFiles = fileExecutor != null ? null : Executors.newFixedThreadPool(OWN_FILE_THREADS, runnable -> {
            Thread thread = new Thread(runnable, fileThreadName);
            thread.setDaemon(true);
            return thread;
        });
        EventLoopGroup group = transport.newGroup(threads);
        List<Channel> channels = new ArrayList<>(listen.size());
        try {
            AbstractBootstrap<?, ?> bootstrap = configure.apply(group, fileExecutor != null ? fileExecutor : ownFiles);
            for (InetSocketAddress address : listen) {
                channels.add(bootstrap.bind(address).sync().channel());
            }
            return new ListeningSockets(group, List.copyOf(channels), ownFiles);
        } catch (Exception e) {
            // Netty's sync() rethrows a bind failure (a checked BindException) undeclared: catch it too, and free
            // the addresses already bound before rethrowing, so that the caller may bind them again at once.
            new ListeningSockets(group, List.copyOf(channels), ownFiles).close();
            throw e;
        }
    }

    /** An immutable copy of {@code listen}, which builders check when it is given rather than at start. */
    public static List<InetSocketAddress> atLeastOne(List<InetSocketAddress> listen) {
        if (listen.isEmpty()) {
            throw new IllegalArgumentException("no listen address");
        }
        return List.copyOf(listen);
    }

    /** The addresses actually bound, in the order asked (with the port chosen where 0 was asked for). */
    public List<InetSocketAddress> localAddresses() {
        List<InetSocketAddress> addresses = new ArrayList<>(channels.size());
        for (Channel channel : channels) {
            addresses.add((InetSocketAddress) channel.localAddress());
        }
        return List.copyOf(addresses);
    }

    /** The first address bound. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channels.get(0).localAddress();
    }

    /** Stops accepting on every address, closes every connection and waits for the event loops to end. */
    @Override
    public void close() {
        for (Channel channel : channels) {
            channel.close().awaitUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        if (ownFileThreads != null) {
            ownFileThreads.shutdownNow();
        }
    }
}
