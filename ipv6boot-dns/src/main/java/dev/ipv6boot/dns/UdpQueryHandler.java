package dev.ipv6boot.dns;

import dev.ipv6boot.dns.DnsCounters.Reason;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;

/** The UDP listener: one datagram, one query; the datagram is released here whatever happens. */
@ChannelHandler.Sharable
final class UdpQueryHandler extends ChannelInboundHandlerAdapter {
    private final QueryProcessor processor;

    UdpQueryHandler(QueryProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof DatagramPacket packet) {
                processor.process(packet.content(), packet.sender(), ctx.channel(), false,
                        processor.config.accessControl().decide(packet.sender().getAddress()), true);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** The end of a read batch: send every answer written during it with one flush. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A failed send (no route to a client, ICMP errors surfacing): the listener must stay up.
        processor.counters.increment(Reason.REPLY_FAILED);
    }
}
