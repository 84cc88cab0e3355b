package dev.ipv6boot.dns;

import dev.ipv6boot.dns.DnsCounters.Reason;
import dev.ipv6boot.dns.DnsForwarderListener.AnswerSource;
import dev.ipv6boot.dns.acl.AccessAction;
import dev.ipv6boot.dns.cache.CachedAnswer;
import dev.ipv6boot.dns.cache.DnsCache;
import dev.ipv6boot.dns.wire.DnsAnswer;
import dev.ipv6boot.dns.wire.DnsFlags;
import dev.ipv6boot.dns.wire.DnsQueryView;
import dev.ipv6boot.dns.wire.QueryStatus;
import dev.ipv6boot.dns.wire.QuestionKey;
import dev.ipv6boot.dns.wire.ResponseWriter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-query decision, shared by the UDP and TCP listeners: validate, apply access control, answer from
 * local records or the cache, or hand the query to an {@link UpstreamExchange}. Runs on the event loop of the
 * channel the query came in on and never blocks it.
 */
final class QueryProcessor {
    private static final FastThreadLocal<DnsQueryView> VIEW = new FastThreadLocal<>() {
        @Override
        protected DnsQueryView initialValue() {
            return new DnsQueryView();
        }
    };
    static final int TCP_LIMIT = 65535;

    final DnsForwarderConfig config;
    final DnsCounters counters;
    final DnsForwarderListener listener;
    final DnsCache cache;
    final LocalRecords localRecords;
    final Upstreams upstreams;
    final DnsTransport transport;
    final SecureRandom random = new SecureRandom();
    final AtomicInteger outstanding = new AtomicInteger();
    /** Exchanges in flight by question, so identical questions share one upstream query. */
    final ConcurrentHashMap<QuestionKey, UpstreamExchange> inFlight = new ConcurrentHashMap<>();
    /** Each event loop's upstream UDP sockets, created by (and only used on) that loop. */
    private final ConcurrentHashMap<EventLoop, UpstreamSockets> upstreamSockets = new ConcurrentHashMap<>();
    /** Every channel the forwarder opened (listeners, TCP clients, upstream sockets), closed together at the end. */
    final ChannelGroup openChannels = new DefaultChannelGroup("ipv6boot-dns", GlobalEventExecutor.INSTANCE);

    QueryProcessor(DnsForwarderConfig config, DnsCounters counters, DnsForwarderListener listener, DnsCache cache,
                   LocalRecords localRecords, Upstreams upstreams, DnsTransport transport) {
        this.config = config;
        this.counters = counters;
        this.listener = listener;
        this.cache = cache;
        this.localRecords = localRecords;
        this.upstreams = upstreams;
        this.transport = transport;
    }

    /**
     * Handles one query; {@code message} is borrowed (the caller releases it). {@code client} is where the
     * answer goes; over TCP, {@code tcp} is true and answers are written length-prefixed to {@code channel}.
     */
    void process(ByteBuf message, InetSocketAddress client, Channel channel, boolean tcp, AccessAction action,
                 boolean deferFlush) {
        counters.increment(tcp ? Reason.RECEIVED_TCP : Reason.RECEIVED_UDP);
        if (action == AccessAction.DENY) {
            reject(client, Reason.ACL_DENIED);
            return;
        }
        DnsQueryView query = VIEW.get();
        QueryStatus status = query.parse(message);
        if (status != QueryStatus.OK) {
            if (status.action() == QueryStatus.Action.DROP) {
                reject(client, DnsCounters.forStatus(status));
                return;
            }
            if (action == AccessAction.REFUSE) {
                reject(client, Reason.ACL_REFUSED);
                sendError(query, status, DnsFlags.REFUSED, client, channel, tcp, deferFlush);
                return;
            }
            reject(client, DnsCounters.forStatus(status));
            int rcode = switch (status.action()) {
                case NOTIMP -> DnsFlags.NOTIMP;
                case BADVERS -> DnsFlags.BADVERS;
                case REFUSED -> DnsFlags.REFUSED;
                default -> DnsFlags.FORMERR;
            };
            sendError(query, status, rcode, client, channel, tcp, deferFlush);
            return;
        }
        if (action == AccessAction.REFUSE) {
            reject(client, Reason.ACL_REFUSED);
            sendError(query, status, DnsFlags.REFUSED, client, channel, tcp, deferFlush);
            return;
        }
        DnsAnswer local = localRecords.lookup(query);
        if (local != null) {
            counters.increment(Reason.ANSWERED_LOCAL);
            send(query, local, 0, client, channel, tcp, AnswerSource.LOCAL, deferFlush);
            return;
        }
        if (!query.recursionDesired() && action != AccessAction.ALLOW_SNOOP) {
            reject(client, Reason.REFUSED_NO_RECURSION);
            sendError(query, status, DnsFlags.REFUSED, client, channel, tcp, deferFlush);
            return;
        }
        long now = System.nanoTime();
        CachedAnswer hit = cache.lookup(query.key(), now);
        if (hit != null) {
            counters.increment(Reason.ANSWERED_CACHE);
            send(query, hit.answer(), hit.elapsedSeconds(now), client, channel, tcp, AnswerSource.CACHE,
                    deferFlush);
            return;
        }
        UpstreamExchange pending = inFlight.get(query.key());
        if (pending != null && pending.join(query, client, channel, tcp)) {
            counters.increment(Reason.COALESCED);
            return;
        }
        if (outstanding.incrementAndGet() > config.maxOutstanding()) {
            outstanding.decrementAndGet();
            reject(client, Reason.OVERLOADED);
            sendError(query, status, DnsFlags.SERVFAIL, client, channel, tcp, deferFlush);
            return;
        }
        UpstreamExchange exchange = new UpstreamExchange(this, query, client, channel, tcp);
        UpstreamExchange raced = inFlight.putIfAbsent(exchange.cacheKey(), exchange);
        if (raced != null && raced.join(query, client, channel, tcp)) {
            // Another loop started the same question between our lookup and now.
            outstanding.decrementAndGet();
            counters.increment(Reason.COALESCED);
            return;
        }
        exchange.start();
    }

    /** The upstream socket pool of {@code loop}; called on {@code loop} only, so only it creates its own. */
    UpstreamSockets upstreamSockets(EventLoop loop) {
        UpstreamSockets sockets = upstreamSockets.get(loop);
        if (sockets == null) {
            sockets = new UpstreamSockets(this, loop);
            upstreamSockets.put(loop, sockets);
        }
        return sockets;
    }

    private void reject(InetSocketAddress client, Reason reason) {
        counters.increment(reason);
        if (listener != DnsForwarderListener.NONE) {
            try {
                listener.queryRejected(client, reason);
            } catch (RuntimeException e) {
                counters.increment(Reason.LISTENER_FAILED);
            }
        }
    }

    /** Sends {@code answer} to the client of {@code query}, aged by {@code elapsedSeconds}. */
    void send(DnsQueryView query, DnsAnswer answer, long elapsedSeconds, InetSocketAddress client, Channel channel,
              boolean tcp, AnswerSource source, boolean deferFlush) {
        if (!channel.isActive()) {
            counters.increment(Reason.REPLY_FAILED);
            return;
        }
        int limit = tcp ? TCP_LIMIT : ResponseWriter.udpLimit(query, config.ednsUdpSize());
        int size = Math.min(limit, answer.length() + 11) + (tcp ? 2 : 0);
        ByteBuf out = channel.alloc().ioBuffer(size);
        boolean truncated;
        try {
            if (tcp) {
                out.writeShort(0);
            }
            truncated = ResponseWriter.writeAnswer(out, query, answer, limit, elapsedSeconds, config.ednsUdpSize());
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        if (truncated) {
            counters.increment(Reason.TRUNCATED);
        }
        if (listener != DnsForwarderListener.NONE) {    // before the write, so events follow what clients see
            try {
                listener.queryAnswered(client, query.nameString(), query.qtype(), source, answer.rcode(), truncated);
            } catch (RuntimeException e) {
                counters.increment(Reason.LISTENER_FAILED);   // the application's bug must not lose the answer
            }
        }
        write(out, client, channel, tcp, deferFlush);
    }

    void sendError(DnsQueryView query, QueryStatus status, int rcode, InetSocketAddress client, Channel channel,
                   boolean tcp, boolean deferFlush) {
        if (!channel.isActive()) {
            counters.increment(Reason.REPLY_FAILED);
            return;
        }
        ByteBuf out = channel.alloc().ioBuffer(tcp ? 2 + 12 + 260 + 11 : 12 + 260 + 11);
        try {
            if (tcp) {
                out.writeShort(0);
            }
            ResponseWriter.writeError(out, query, status, rcode, config.ednsUdpSize());
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        write(out, client, channel, tcp, deferFlush);
    }

    /**
     * Writes an answer. With {@code deferFlush} (answers made while the UDP listener reads a batch) the flush
     * waits for the end of the batch, so that one flush sends them all (sendmmsg with epoll).
     */
    private void write(ByteBuf out, InetSocketAddress client, Channel channel, boolean tcp, boolean deferFlush) {
        if (tcp) {
            out.setShort(out.readerIndex(), out.readableBytes() - 2);   // RFC 7766 §8 length prefix
            channel.writeAndFlush(out, channel.voidPromise());
        } else if (deferFlush) {
            channel.write(new DatagramPacket(out, client), channel.voidPromise());
        } else {
            channel.writeAndFlush(new DatagramPacket(out, client), channel.voidPromise());
        }
    }
}
