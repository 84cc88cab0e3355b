package dev.ipv6boot.dns;

import dev.ipv6boot.dns.DnsCounters.Reason;
import dev.ipv6boot.dns.DnsForwarderListener.AnswerSource;
import dev.ipv6boot.dns.wire.DnsAnswer;
import dev.ipv6boot.dns.wire.DnsFlags;
import dev.ipv6boot.dns.wire.DnsQueryView;
import dev.ipv6boot.dns.wire.QueryStatus;
import dev.ipv6boot.dns.wire.QuestionKey;
import dev.ipv6boot.dns.wire.ResponseWriter;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One client query on its way upstream and back (RFC 5452 hardening throughout): every attempt uses a fresh
 * random ID and a fresh socket (so a fresh source port, §9.2), and an answer is accepted only from the address
 * and port asked, with that ID and the same question (§9.1); anything else is counted and ignored while the
 * attempt keeps waiting. A truncated UDP answer is asked again over TCP (RFC 7766 §5). A timeout moves on to
 * the next upstream; when the attempts are used up the client gets SERVFAIL. For DNS64 (RFC 6147 §5.1) an
 * AAAA question with no AAAA answer is followed by an A question, and AAAA records are synthesized.
 *
 * <p>All of it runs on the event loop of the client's channel: the upstream channels are registered there too.
 */
final class UpstreamExchange {
    private static final int AAAA = 28;
    private static final int A = 1;
    private static final int MAX_WAITERS = 1024;

    private final QueryProcessor processor;
    private final DnsQueryView query = new DnsQueryView();   // over a copy of the client's query
    private final InetSocketAddress client;
    private final Channel clientChannel;
    private final boolean clientTcp;
    private final EventLoop loop;
    private final QuestionKey cacheKey;
    private final byte[] clientQuestion;

    private byte[] question;          // what we ask now: the client's, or its A twin for DNS64
    private DnsAnswer noAaaaAnswer;   // the AAAA answer that triggered DNS64
    private int attempt;              // attempts used, bounded by the configuration
    private int generation;           // identity of the current attempt's socket and timer
    private int upstream = -1;
    private int upstreamId;
    private Channel upstreamChannel;
    private ScheduledFuture<?> timeout;
    private boolean done;
    private final List<Waiter> waiters = new ArrayList<>();   // guarded by itself; joined from any loop
    private boolean closedToWaiters;                         // guarded by waiters

    /** Another client asking the same question while this exchange is in flight. */
    private record Waiter(DnsQueryView query, InetSocketAddress client, Channel channel, boolean tcp) {
    }

    UpstreamExchange(QueryProcessor processor, DnsQueryView clientQuery, InetSocketAddress client,
                     Channel clientChannel, boolean tcp) {
        this.processor = processor;
        byte[] copy = copyQuery(clientQuery, query);
        this.client = client;
        this.clientChannel = clientChannel;
        this.clientTcp = tcp;
        this.loop = clientChannel.eventLoop();
        this.cacheKey = QuestionKey.copyOf(query.key());
        this.clientQuestion = Arrays.copyOfRange(copy, DnsQueryView.HEADER_LENGTH, query.questionEnd());
        this.question = clientQuestion;
    }

    /** Copies the client's query out of its (soon released) buffer and parses the copy into {@code into}. */
    private static byte[] copyQuery(DnsQueryView clientQuery, DnsQueryView into) {
        ByteBuf source = clientQuery.buffer();
        byte[] copy = new byte[source.writerIndex() - clientQuery.base()];
        source.getBytes(clientQuery.base(), copy);
        into.parse(Unpooled.wrappedBuffer(copy));            // was OK already; the copy parses the same
        return copy;
    }

    QuestionKey cacheKey() {
        return cacheKey;
    }

    void start() {
        nextAttempt();
    }

    /**
     * Adds a client asking the same question (same cache key) to this exchange, so a boot storm of identical
     * questions costs one upstream query. False when the exchange has finished or has enough waiters already.
     */
    boolean join(DnsQueryView clientQuery, InetSocketAddress otherClient, Channel channel, boolean tcp) {
        synchronized (waiters) {
            if (closedToWaiters || waiters.size() >= MAX_WAITERS) {
                return false;
            }
            DnsQueryView copy = new DnsQueryView();
            copyQuery(clientQuery, copy);
            waiters.add(new Waiter(copy, otherClient, channel, tcp));
            return true;
        }
    }

    private List<Waiter> closeToWaiters() {
        processor.inFlight.remove(cacheKey, this);
        synchronized (waiters) {
            closedToWaiters = true;
            return List.copyOf(waiters);
        }
    }

    private void nextAttempt() {
        if (attempt >= processor.config.attempts()) {
            finishWithServfail();
            return;
        }
        if (attempt > 0) {
            processor.counters.increment(Reason.UPSTREAM_FAILOVER);
        }
        attempt++;
        upstream = processor.upstreams.pick(System.nanoTime(), upstream);
        sendUdp();
    }

    private InetSocketAddress upstreamAddress() {
        return processor.upstreams.address(upstream);
    }

    private byte[] upstreamQuery() {
        upstreamId = processor.random.nextInt(0x10000);
        ByteBuf out = Unpooled.buffer(12 + question.length + 11);
        ResponseWriter.writeUpstreamQuery(out, upstreamId, query.flags(), question, processor.config.ednsUdpSize(),
                query.dnssecOk());
        return Arrays.copyOf(out.array(), out.writerIndex());
    }

    private void sendUdp() {
        int thisAttempt = ++generation;
        byte[] wire = upstreamQuery();
        InetSocketAddress target = upstreamAddress();
        processor.counters.increment(Reason.FORWARDED_UDP);
        notifyForwarded(target);
        Bootstrap bootstrap = new Bootstrap().group(loop).channelFactory(processor.transport.datagram())
                .handler(new UdpAnswerHandler(thisAttempt));
        // Port 0: the kernel picks a new ephemeral port for every attempt (RFC 5452 §9.2).
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(0));
        upstreamChannel = bound.channel();
        processor.openChannels.add(upstreamChannel);
        armTimeout(thisAttempt);
        bound.addListener(f -> {
            if (!f.isSuccess()) {
                attemptFailed(thisAttempt);
                return;
            }
            bound.channel().writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(wire), target));
        });
    }

    private void sendTcp() {
        attempt++;
        int thisAttempt = ++generation;
        byte[] wire = upstreamQuery();
        InetSocketAddress target = upstreamAddress();
        processor.counters.increment(Reason.FORWARDED_TCP);
        Bootstrap bootstrap = new Bootstrap().group(loop).channelFactory(processor.transport.socket())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) processor.config.upstreamTimeout().toMillis())
                .handler(new TcpAnswerHandler(thisAttempt));
        ChannelFuture connected = bootstrap.connect(target);
        upstreamChannel = connected.channel();
        processor.openChannels.add(upstreamChannel);
        armTimeout(thisAttempt);
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                attemptFailed(thisAttempt);
                return;
            }
            ByteBuf framed = connected.channel().alloc().buffer(2 + wire.length);
            framed.writeShort(wire.length).writeBytes(wire);
            connected.channel().writeAndFlush(framed);
        });
    }

    private void armTimeout(int thisAttempt) {
        timeout = loop.schedule(() -> {
            if (!done && thisAttempt == generation) {
                processor.counters.increment(Reason.UPSTREAM_TIMEOUT);
                attemptFailed(thisAttempt);
            }
        }, processor.config.upstreamTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void attemptFailed(int thisAttempt) {
        if (done || thisAttempt != generation) {
            return;
        }
        closeAttempt();
        processor.upstreams.failed(upstream, System.nanoTime());
        nextAttempt();
    }

    private void closeAttempt() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
        if (upstreamChannel != null) {
            upstreamChannel.close();
            upstreamChannel = null;
        }
    }

    /** RFC 5452 §9.1: ID, question and (for UDP, checked by the caller) source must all match. */
    private boolean acceptable(ByteBuf answer) {
        int base = answer.readerIndex();
        if (answer.readableBytes() < 12 || (answer.getUnsignedShort(base + 2) & DnsFlags.QR) == 0
                || answer.getUnsignedShort(base) != upstreamId) {
            processor.counters.increment(Reason.SPOOF_WRONG_ID);
            return false;
        }
        boolean sameQuestion = answer.getUnsignedShort(base + 4) == 1
                && answer.readableBytes() >= 12 + question.length;
        for (int i = 0; sameQuestion && i < question.length; i++) {
            int a = answer.getUnsignedByte(base + 12 + i);
            int b = question[i] & 0xff;
            sameQuestion = lower(a) == lower(b);
        }
        if (!sameQuestion) {
            processor.counters.increment(Reason.SPOOF_WRONG_QUESTION);
        }
        return sameQuestion;
    }

    private static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    private void received(int thisAttempt, ByteBuf answer, boolean overTcp) {
        if (done || thisAttempt != generation || !acceptable(answer)) {
            return;
        }
        closeAttempt();
        processor.upstreams.succeeded(upstream);
        if (!overTcp && (answer.getUnsignedShort(answer.readerIndex() + 2) & DnsFlags.TC) != 0) {
            sendTcp();                                   // same upstream, RFC 7766 §5
            return;
        }
        DnsAnswer indexed;
        try {
            indexed = DnsAnswer.index(answer);
        } catch (DnsAnswer.MalformedResponseException e) {
            processor.counters.increment(Reason.UPSTREAM_MALFORMED);
            nextAttempt();
            return;
        }
        if (question != clientQuestion) {
            finishDns64(indexed);
            return;
        }
        if (processor.config.dns64Prefix() != null && query.qtype() == AAAA && query.qclass() == 1
                && Dns64.wantsSynthesis(indexed)) {
            noAaaaAnswer = indexed;
            question = clientQuestion.clone();
            question[question.length - 4] = 0;           // QTYPE, the 2 bytes before QCLASS
            question[question.length - 3] = A;
            attempt = 0;
            nextAttempt();
            return;
        }
        long now = System.nanoTime();
        processor.cache.store(cacheKey, indexed, now);
        finish(indexed, AnswerSource.UPSTREAM, Reason.ANSWERED_UPSTREAM);
    }

    private void finishDns64(DnsAnswer aAnswer) {
        DnsAnswer synthesized = Dns64.synthesize(processor.config.dns64Prefix(), noAaaaAnswer, aAnswer);
        if (synthesized == null) {
            processor.cache.store(cacheKey, noAaaaAnswer, System.nanoTime());
            finish(noAaaaAnswer, AnswerSource.UPSTREAM, Reason.ANSWERED_UPSTREAM);
            return;
        }
        processor.cache.store(cacheKey, synthesized, System.nanoTime());
        finish(synthesized, AnswerSource.DNS64, Reason.ANSWERED_DNS64);
    }

    private void finish(DnsAnswer answer, AnswerSource source, Reason reason) {
        markDone();
        List<Waiter> joined = closeToWaiters();          // before answering: a client's next query starts afresh
        processor.counters.increment(reason);
        processor.send(query, answer, 0, client, clientChannel, clientTcp, source, false);
        for (Waiter waiter : joined) {
            processor.counters.increment(reason);
            // Netty's write is thread-safe: it hops to the waiter channel's own loop.
            processor.send(waiter.query(), answer, 0, waiter.client(), waiter.channel(), waiter.tcp(), source, false);
        }
    }

    private void finishWithServfail() {
        if (noAaaaAnswer != null) {                      // DNS64's A query failed: the AAAA answer stands
            finish(noAaaaAnswer, AnswerSource.UPSTREAM, Reason.ANSWERED_UPSTREAM);
            return;
        }
        markDone();
        List<Waiter> joined = closeToWaiters();
        processor.counters.increment(Reason.SERVFAIL_SENT);
        processor.sendError(query, QueryStatus.OK, DnsFlags.SERVFAIL, client, clientChannel, clientTcp, false);
        for (Waiter waiter : joined) {
            processor.counters.increment(Reason.SERVFAIL_SENT);
            processor.sendError(waiter.query(), QueryStatus.OK, DnsFlags.SERVFAIL, waiter.client(), waiter.channel(),
                    waiter.tcp(), false);
        }
        if (processor.listener != DnsForwarderListener.NONE) {
            try {
                processor.listener.queryAnswered(client, query.nameString(), query.qtype(),
                        AnswerSource.SYNTHESIZED_ERROR, DnsFlags.SERVFAIL, false);
            } catch (RuntimeException e) {
                processor.counters.increment(Reason.LISTENER_FAILED);
            }
        }
    }

    private void markDone() {
        done = true;
        closeAttempt();
        processor.outstanding.decrementAndGet();
    }

    private void notifyForwarded(InetSocketAddress target) {
        if (processor.listener != DnsForwarderListener.NONE) {
            try {
                processor.listener.queryForwarded(client, query.nameString(), query.qtype(), target);
            } catch (RuntimeException e) {
                processor.counters.increment(Reason.LISTENER_FAILED);   // the query still goes upstream
            }
        }
    }

    /** Same port and address, an IPv4 address and its IPv4-mapped IPv6 form (dual-stack sockets) being the same. */
    static boolean sameEndpoint(InetSocketAddress a, InetSocketAddress b) {
        return a.getPort() == b.getPort() && Arrays.equals(v6(a.getAddress().getAddress()), v6(b.getAddress().getAddress()));
    }

    private static byte[] v6(byte[] address) {
        if (address.length == 16) {
            return address;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(address, 0, mapped, 12, 4);
        return mapped;
    }

    /** Reads answers on this attempt's UDP socket; the source check happens here. */
    private final class UdpAnswerHandler extends ChannelInboundHandlerAdapter {
        private final int thisAttempt;

        UdpAnswerHandler(int thisAttempt) {
            this.thisAttempt = thisAttempt;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof DatagramPacket packet) {
                    if (!sameEndpoint(packet.sender(), processor.upstreams.address(upstream))) {
                        processor.counters.increment(Reason.SPOOF_WRONG_SOURCE);
                        return;
                    }
                    received(thisAttempt, packet.content(), false);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP port unreachable and the like: let the timeout move on, the socket is useless now.
            ctx.close();
        }
    }

    /** Reads the one length-prefixed answer of a TCP attempt. */
    private final class TcpAnswerHandler extends ChannelInboundHandlerAdapter {
        private final int thisAttempt;
        private ByteBuf cumulation;

        TcpAnswerHandler(int thisAttempt) {
            this.thisAttempt = thisAttempt;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            try {
                if (cumulation == null) {
                    cumulation = ctx.alloc().buffer(Math.max(512, in.readableBytes()));
                }
                cumulation.writeBytes(in);
            } finally {
                in.release();
            }
            ByteBuf frame = TcpFrames.next(cumulation);
            if (frame != null) {
                received(thisAttempt, frame, true);
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (cumulation != null) {
                cumulation.release();
                cumulation = null;
            }
            attemptFailed(thisAttempt);                  // closed before answering (a no-op once answered)
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
