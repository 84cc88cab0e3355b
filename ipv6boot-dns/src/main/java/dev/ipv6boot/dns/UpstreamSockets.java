package dev.ipv6boot.dns;

import dev.ipv6boot.dns.DnsCounters.Reason;
import dev.ipv6boot.dns.wire.DnsFlags;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.collection.IntObjectHashMap;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The UDP sockets one event loop asks the upstream resolvers through (RFC 5452 §9.2), the way unbound's
 * {@code outgoing-range} and dnsdist's backend sockets do it: a pool of sockets, each bound to its own
 * kernel-chosen random port and each carrying many queries at once, told apart by random ID. A query goes out
 * on a randomly chosen socket with a random ID not already in flight there. An answer is accepted only when
 * its ID is in flight on the socket it arrived at, it comes from the address and port that query went to, and
 * it asks the same question (§9.1); anything else is counted ({@code SPOOF_*}) and dropped while the query
 * keeps waiting. After {@code upstreamSocketQueries} queries, or a minute, a socket is replaced by a new one
 * on a new random port; the old one is closed when its last query is answered or has timed out.
 *
 * <p>Writes made while the loop handles its I/O (queries to upstream sockets, answers to clients on the UDP
 * listeners) are flushed together once the turn's I/O is done, so that a listener sends all the answers that
 * arrived from upstream in that turn with one {@code sendmmsg} (epoll).
 *
 * <p>All UDP attempts share one timeout, so they expire in the order they were sent: a FIFO threaded through
 * the exchanges and one timer armed for its head replace a scheduled task per query. Nothing on the way out or
 * back allocates but the outgoing buffer and Netty's packet envelopes.
 *
 * <p>Confined to its event loop: every method runs there, nothing is thread-safe.
 */
final class UpstreamSockets {
    private static final long MAX_SOCKET_AGE_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Beyond this many queries in flight a socket is passed over, so IDs stay sparse (guessing one stays hard). */
    private static final int MAX_IN_FLIGHT_PER_SOCKET = 1024;
    private static final int ID_DRAWS = 16;
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(0);

    private final QueryProcessor processor;
    private final EventLoop loop;
    private final Socket[] sockets;
    private final int queriesPerSocket;
    private final long timeoutNanos;
    private final long timerSlackNanos;
    private final SecureRandom random = new SecureRandom();
    private final byte[] randomBytes = new byte[1024];   // drawn in bulk: one SecureRandom call per 512 queries
    private int randomUsed = randomBytes.length;
    private final Runnable expireTask = this::expire;
    private boolean timerArmed;
    private final ArrayList<Channel> toFlush = new ArrayList<>();
    private final Runnable flushTask = this::flushAll;
    private UpstreamExchange oldest;                       // UDP attempts in flight, oldest (first to expire) first
    private UpstreamExchange newest;

    UpstreamSockets(QueryProcessor processor, EventLoop loop) {
        this.processor = processor;
        this.loop = loop;
        this.sockets = new Socket[processor.config.upstreamSockets()];
        this.queriesPerSocket = processor.config.upstreamSocketQueries();
        this.timeoutNanos = processor.config.upstreamTimeout().toNanos();
        // Timeouts may fire up to 1/16 of the timeout late: it bounds the timer to 16 wake-ups per timeout.
        this.timerSlackNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), timeoutNanos / 16);
        long now = System.nanoTime();
        for (int i = 0; i < sockets.length; i++) {
            sockets[i] = open(i, now);
        }
    }

    /**
     * Sends the exchange's current question to {@code upstream} on a pooled socket with a fresh random ID and
     * starts its timeout. False when no socket can take it (none open); the attempt has then failed.
     */
    boolean send(UpstreamExchange exchange, InetSocketAddress upstream) {
        long now = System.nanoTime();
        Socket socket = pick(now);
        if (socket == null) {
            return false;
        }
        int id = freeId(socket);
        if (id < 0) {
            return false;
        }
        ByteBuf wire = socket.channel.alloc().ioBuffer(exchange.upstreamQueryLength());
        exchange.writeUpstreamQuery(wire, id);
        socket.pending.put(id, exchange);
        exchange.udpSocket = socket;
        exchange.upstreamId = id;
        exchange.udpTarget = upstream;
        exchange.udpDeadline = now + timeoutNanos;
        append(exchange);
        socket.sent++;
        socket.channel.write(new DatagramPacket(wire, upstream), socket.channel.voidPromise());
        flushSoon(socket.channel);
        if (socket.sent >= queriesPerSocket) {
            retire(socket, now);
        }
        return true;
    }

    /**
     * Flushes {@code channel} (registered on this loop) after the I/O of the current loop turn: tasks run once
     * every ready channel has been read, so the writes of a whole turn leave together.
     */
    void flushSoon(Channel channel) {
        for (int i = 0; i < toFlush.size(); i++) {
            if (toFlush.get(i) == channel) {
                return;
            }
        }
        if (toFlush.isEmpty()) {
            loop.execute(flushTask);
        }
        toFlush.add(channel);
    }

    private void flushAll() {
        for (int i = 0; i < toFlush.size(); i++) {
            toFlush.get(i).flush();
        }
        toFlush.clear();
    }

    /** Ends the exchange's UDP attempt, if one is in flight: its ID is free again and its timeout gone. */
    void forget(UpstreamExchange exchange) {
        Socket socket = exchange.udpSocket;
        if (socket == null) {
            return;
        }
        socket.pending.remove(exchange.upstreamId);
        unlink(exchange);
        exchange.udpSocket = null;
        exchange.udpTarget = null;
        if (socket.retired && socket.pending.isEmpty()) {
            socket.channel.close();
        }
    }

    /** A socket at random from those that are open, young enough and not too busy, replacing the others. */
    private Socket pick(long now) {
        int start = randomBelow(sockets.length);
        for (int i = 0; i < sockets.length; i++) {
            int slot = (start + i) % sockets.length;
            Socket socket = sockets[slot];
            if (now - socket.openedAt > MAX_SOCKET_AGE_NANOS || (socket.failed && socket.pending.isEmpty())) {
                socket = retire(socket, now);
            }
            if (!socket.failed && socket.channel.isActive() && socket.pending.size() < MAX_IN_FLIGHT_PER_SOCKET) {
                return socket;
            }
        }
        return null;
    }

    /** A random ID not in flight on {@code socket}, or -1 (practically never: at most 1024 of 65536 are). */
    private int freeId(Socket socket) {
        for (int i = 0; i < ID_DRAWS; i++) {
            int id = random16();
            if (!socket.pending.containsKey(id)) {
                return id;
            }
        }
        return -1;
    }

    /** Takes {@code socket} out of use (closed once its queries are done) and opens its successor. */
    private Socket retire(Socket socket, long now) {
        socket.retired = true;
        if (socket.pending.isEmpty()) {
            socket.channel.close();
        }
        Socket successor = open(socket.slot, now);
        sockets[socket.slot] = successor;
        return successor;
    }

    /**
     * A new socket on a port the kernel picks at random from the ephemeral range. On the event loop the
     * registration and the bind complete before this returns; elsewhere (never, today) the socket is merely
     * skipped until they have.
     */
    private Socket open(int slot, long now) {
        Socket socket = new Socket(slot, now);
        ChannelFuture registered = new Bootstrap().group(loop).channelFactory(processor.transport.datagram())
                .handler(socket).register();
        socket.channel = registered.channel();
        processor.openChannels.add(socket.channel);
        registered.addListener(f -> {
            if (f.isSuccess()) {
                socket.channel.bind(ANY_PORT).addListener(b -> {
                    if (!b.isSuccess()) {
                        socket.failed = true;
                    }
                });
            } else {
                socket.failed = true;
            }
        });
        return socket;
    }

    private void arrived(Socket socket, DatagramPacket packet) {
        ByteBuf answer = packet.content();
        int base = answer.readerIndex();
        // 2 bytes ID, then the flags word with QR as its top bit, RFC 1035 §4.1.1
        if (answer.readableBytes() < 12 || (answer.getUnsignedShort(base + 2) & DnsFlags.QR) == 0) {
            processor.counters.increment(Reason.SPOOF_WRONG_ID);
            return;
        }
        UpstreamExchange exchange = socket.pending.get(answer.getUnsignedShort(base));
        if (exchange == null) {
            // Also a late answer to an attempt that already timed out: its ID is no longer expected.
            processor.counters.increment(Reason.SPOOF_WRONG_ID);
            return;
        }
        if (!UpstreamExchange.sameEndpoint(packet.sender(), exchange.udpTarget)) {
            processor.counters.increment(Reason.SPOOF_WRONG_SOURCE);
            return;
        }
        if (!exchange.asksQuestionOf(answer)) {
            processor.counters.increment(Reason.SPOOF_WRONG_QUESTION);
            return;
        }
        forget(exchange);
        exchange.udpAnswered(answer);
    }

    private void append(UpstreamExchange exchange) {
        exchange.newerInFlight = null;
        exchange.olderInFlight = newest;
        if (newest != null) {
            newest.newerInFlight = exchange;
        } else {
            oldest = exchange;
        }
        newest = exchange;
        armTimer(System.nanoTime());
    }

    private void unlink(UpstreamExchange exchange) {
        UpstreamExchange older = exchange.olderInFlight;
        UpstreamExchange newer = exchange.newerInFlight;
        if (older != null) {
            older.newerInFlight = newer;
        } else {
            oldest = newer;
        }
        if (newer != null) {
            newer.olderInFlight = older;
        } else {
            newest = older;
        }
        exchange.olderInFlight = null;
        exchange.newerInFlight = null;
    }

    private void armTimer(long now) {
        if (!timerArmed && oldest != null) {
            timerArmed = true;
            loop.schedule(expireTask, Math.max(oldest.udpDeadline - now, timerSlackNanos), TimeUnit.NANOSECONDS);
        }
    }

    private void expire() {
        timerArmed = false;
        long now = System.nanoTime();
        while (oldest != null && oldest.udpDeadline - now <= 0) {
            UpstreamExchange expired = oldest;
            forget(expired);
            expired.udpTimedOut();                 // may send the next attempt, appended with a later deadline
        }
        armTimer(now);
    }

    private int random16() {
        if (randomUsed + 2 > randomBytes.length) {
            random.nextBytes(randomBytes);
            randomUsed = 0;
        }
        int value = ((randomBytes[randomUsed] & 0xff) << 8) | (randomBytes[randomUsed + 1] & 0xff);
        randomUsed += 2;
        return value;
    }

    private int randomBelow(int bound) {
        return bound == 1 ? 0 : random16() % bound;   // the bias of 65536 % bound is irrelevant for a pool slot
    }

    /** One pooled socket: its queries in flight by ID, and the handler of what arrives on it. */
    final class Socket extends ChannelInboundHandlerAdapter {
        final int slot;
        final long openedAt;
        final IntObjectHashMap<UpstreamExchange> pending = new IntObjectHashMap<>();
        Channel channel;
        int sent;
        boolean retired;
        boolean failed;

        Socket(int slot, long openedAt) {
            this.slot = slot;
            this.openedAt = openedAt;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof DatagramPacket packet) {
                    arrived(this, packet);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // An error surfacing on the socket (ICMP on some kernels): its queries time out or get answered;
            // no new ones go out on it and it is replaced once they are done.
            failed = true;
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            failed = true;                          // closed under us (at shutdown, or by an error)
        }
    }
}
