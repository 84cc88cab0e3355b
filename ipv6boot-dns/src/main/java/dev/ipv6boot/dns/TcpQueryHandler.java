package dev.ipv6boot.dns;

import dev.ipv6boot.dns.DnsCounters.Reason;
import dev.ipv6boot.dns.acl.AccessAction;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One TCP client connection (RFC 7766): length-prefixed queries, several per connection and pipelined,
 * each answered as soon as it can be (§6.2.1.1, out of order). Access control is decided once, at accept: a
 * denied client is disconnected without a byte. Idle connections are closed (§6.2.3), and the number of
 * connections is bounded.
 */
final class TcpQueryHandler extends ChannelInboundHandlerAdapter {
    private final QueryProcessor processor;
    private final AtomicInteger connections;
    private ByteBuf cumulation;
    private AccessAction action;
    private InetSocketAddress client;
    private ScheduledFuture<?> idleClose;
    private boolean counted;

    TcpQueryHandler(QueryProcessor processor, AtomicInteger connections) {
        this.processor = processor;
        this.connections = connections;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = (InetSocketAddress) ctx.channel().remoteAddress();
        action = processor.config.accessControl().decide(client.getAddress());
        if (action == AccessAction.DENY) {
            processor.counters.increment(Reason.ACL_DENIED);
            ctx.close();
            return;
        }
        counted = true;
        if (connections.incrementAndGet() > processor.config.maxTcpConnections()) {
            processor.counters.increment(Reason.TCP_REJECTED);
            ctx.close();
            return;
        }
        armIdle(ctx);
        ctx.fireChannelActive();
    }

    private void armIdle(ChannelHandlerContext ctx) {
        if (idleClose != null) {
            idleClose.cancel(false);
        }
        idleClose = ctx.executor().schedule(() -> {
            ctx.close();
        }, processor.config.tcpIdleTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            if (action == null || action == AccessAction.DENY || !ctx.channel().isActive()) {
                return;
            }
            if (cumulation == null) {
                cumulation = ctx.alloc().buffer(Math.max(512, in.readableBytes()));
            }
            cumulation.writeBytes(in);
        } finally {
            in.release();
        }
        armIdle(ctx);
        ByteBuf frame;
        while ((frame = TcpFrames.next(cumulation)) != null) {
            processor.process(frame, client, ctx.channel(), true, action, false);
        }
        if (cumulation.isReadable()) {
            cumulation.discardReadBytes();
        } else {
            cumulation.release();                        // nothing pending: hold no buffer while idle
            cumulation = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (idleClose != null) {
            idleClose.cancel(false);
        }
        if (counted) {
            connections.decrementAndGet();
            counted = false;
        }
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        processor.counters.increment(Reason.REPLY_FAILED);
        ctx.close();
    }
}
