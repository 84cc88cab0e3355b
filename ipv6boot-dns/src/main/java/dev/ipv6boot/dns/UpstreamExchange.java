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
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One client query on its way upstream and back (RFC 5452 hardening throughout): every attempt uses a fresh
 * random ID on a randomly chosen socket of the event loop's {@link UpstreamSockets} pool (each on its own random
 * port, §9.2), and an answer is accepted only from the address and port asked, with that ID and the same
 * question (§9.1); anything else is counted and ignored while the attempt keeps waiting. A truncated UDP answer is asked again over TCP (RFC 7766 §5). A timeout moves on to
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
    private UpstreamSockets udpSockets;   // this loop's pool, taken at the first UDP attempt
    private Channel upstreamChannel;      // TCP attempts only
    private ScheduledFuture<?> timeout;
    private boolean done;
    private final List<Waiter> waiters = new ArrayList<>();   // guarded by itself; joined from any loop
    private boolean closedToWaiters;                         // guarded by waiters

    // The UDP attempt in flight, written and read by UpstreamSockets only (null socket: none in flight).
    UpstreamSockets.Socket udpSocket;
    int upstreamId;
    InetSocketAddress udpTarget;
    long udpDeadline;
    UpstreamExchange olderInFlight;
    UpstreamExchange newerInFlight;

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

    /** The size of the upstream query for the current question: header, question, an OPT without options. */
    int upstreamQueryLength() {
        return DnsQueryView.HEADER_LENGTH + question.length + 11;
    }

    /** Writes the upstream query for the current question with {@code id} into {@code out}. */
    void writeUpstreamQuery(ByteBuf out, int id) {
        ResponseWriter.writeUpstreamQuery(out, id, query.flags(), question, processor.config.ednsUdpSize(),
                query.dnssecOk());
    }

    private void sendUdp() {
        int thisAttempt = ++generation;
        InetSocketAddress target = upstreamAddress();
        processor.counters.increment(Reason.FORWARDED_UDP);
        notifyForwarded(target);
        if (udpSockets == null) {
            udpSockets = processor.upstreamSockets(loop);
        }
        if (!udpSockets.send(this, target)) {
            attemptFailed(thisAttempt);            // no socket could be opened: the next attempt tries again
        }
    }

    /** The answer to the UDP attempt in flight, already matched by ID, source and question (borrowed). */
    void udpAnswered(ByteBuf answer) {
        if (!done) {
            accepted(answer, false);
        }
    }

    /** The UDP attempt in flight got no acceptable answer in time. */
    void udpTimedOut() {
        if (!done) {
            processor.counters.increment(Reason.UPSTREAM_TIMEOUT);
            attemptFailed(generation);
        }
    }

    private void sendTcp() {
        attempt++;
        int thisAttempt = ++generation;
        upstreamId = random16();
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
            ByteBuf framed = connected.channel().alloc().buffer(2 + upstreamQueryLength());
            framed.writeShort(0);
            writeUpstreamQuery(framed, upstreamId);
            framed.setShort(0, framed.readableBytes() - 2);          // RFC 7766 §8 length prefix
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
        if (udpSockets != null) {
            udpSockets.forget(this);
        }
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
        if (upstreamChannel != null) {
            upstreamChannel.close();
            upstreamChannel = null;
        }
    }

    /** RFC 5452 §9.1 over TCP: ID and question must match (UDP answers are matched by {@link UpstreamSockets}). */
    private boolean acceptable(ByteBuf answer) {
        int base = answer.readerIndex();
        if (answer.readableBytes() < 12 || (answer.getUnsignedShort(base + 2) & DnsFlags.QR) == 0
                || answer.getUnsignedShort(base) != upstreamId) {
            processor.counters.increment(Reason.SPOOF_WRONG_ID);
            return false;
        }
        if (!asksQuestionOf(answer)) {
            processor.counters.increment(Reason.SPOOF_WRONG_QUESTION);
            return false;
        }
        return true;
    }

    /** True when {@code answer} (a whole message) has exactly our current question, case aside (RFC 4343). */
    boolean asksQuestionOf(ByteBuf answer) {
        int base = answer.readerIndex();
        // QDCOUNT at offset 4, the question from offset 12, RFC 1035 §4.1.1-2
        boolean sameQuestion = answer.readableBytes() >= 12 + question.length
                && answer.getUnsignedShort(base + 4) == 1;
        for (int i = 0; sameQuestion && i < question.length; i++) {
            sameQuestion = lower(answer.getUnsignedByte(base + 12 + i)) == lower(question[i] & 0xff);
        }
        return sameQuestion;
    }

    private int random16() {
        return processor.random.nextInt(0x10000);
    }

    private static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    private void received(int thisAttempt, ByteBuf answer, boolean overTcp) {
        if (done || thisAttempt != generation || !acceptable(answer)) {
            return;
        }
        accepted(answer, overTcp);
    }

    private void accepted(ByteBuf answer, boolean overTcp) {
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
        processor.send(query, answer, 0, client, clientChannel, clientTcp, source, !clientTcp);
        flushSoon();
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
        processor.sendError(query, QueryStatus.OK, DnsFlags.SERVFAIL, client, clientChannel, clientTcp, !clientTcp);
        flushSoon();
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

    /** A UDP answer to our client was written unflushed: it leaves with the others of this event-loop turn. */
    private void flushSoon() {
        if (!clientTcp) {
            processor.upstreamSockets(loop).flushSoon(clientChannel);
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
        if (a.getPort() != b.getPort()) {
            return false;
        }
        return a.getAddress().equals(b.getAddress())     // the usual case, without copying the addresses
                || Arrays.equals(v6(a.getAddress().getAddress()), v6(b.getAddress().getAddress()));
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
