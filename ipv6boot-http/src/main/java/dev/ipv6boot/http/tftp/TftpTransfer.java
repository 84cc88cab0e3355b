package dev.ipv6boot.http.tftp;

import dev.ipv6boot.http.Counters;
import dev.ipv6boot.http.ServeEvent;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One read transfer on its own port (its TID, RFC 1350 §4). Sends a window of blocks (RFC 7440, window 1
 * being RFC 1350's lock-step), advances on the ACK of any block in flight, re-sends the window from the first
 * unacknowledged block on timeout with exponential backoff, and ignores duplicate ACKs so the Sorcerer's
 * Apprentice bug cannot double the traffic (RFC 1123 §4.2.3.1). Block numbers are 16 bits on the wire and
 * wrap from 65535 to 0, as tftp-hpa and atftp expect; internally they are counted in a {@code long}.
 * All state is confined to the channel's event loop.
 */
final class TftpTransfer extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final long MAX_BACKOFF_MILLIS = 16_000;

    private final TftpServer.Settings settings;
    private final Counters<TftpCounter> counters;
    private final InetSocketAddress client;
    private final String filename;
    private final BlockSource source;
    private final int blockSize;
    private final int windowSize;
    private final long timeoutMillis;
    private final long lastBlock;
    private final Instant started = Instant.now();
    private final long startNanos = System.nanoTime();
    private final Runnable onEnd;

    private Channel channel;
    private ByteBuf oack;
    private long acked;
    private long sent;
    private int retries;
    private boolean ended;
    private ScheduledFuture<?> timer;

    /** Takes ownership of {@code oack} (null when no options were acknowledged) and of {@code source}. */
    TftpTransfer(TftpServer.Settings settings, Counters<TftpCounter> counters, InetSocketAddress client,
                 String filename, BlockSource source, int blockSize, int windowSize, long timeoutMillis,
                 ByteBuf oack, Runnable onEnd) {
        this.settings = settings;
        this.counters = counters;
        this.client = client;
        this.filename = filename;
        this.source = source;
        this.blockSize = blockSize;
        this.windowSize = windowSize;
        this.timeoutMillis = timeoutMillis;
        this.oack = oack;
        this.onEnd = onEnd;
        // The last block is shorter than blockSize, possibly empty (RFC 1350 §6).
        this.lastBlock = source.size() / blockSize + 1;
    }

    /** Begins on the bound channel: the OACK, or the first window. Runs on the channel's event loop. */
    void start(Channel bound) {
        this.channel = bound;
        if (oack != null) {
            counters.increment(TftpCounter.OPTIONS_ACKNOWLEDGED);
            channel.writeAndFlush(new DatagramPacket(oack.retainedDuplicate(), client));
            arm();
        } else {
            sendWindow();
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        if (ended) {
            return;
        }
        ByteBuf content = packet.content();
        if (!packet.sender().equals(client)) {
            // RFC 1350 §4: another TID; tell it, leave this transfer alone.
            counters.increment(TftpCounter.UNKNOWN_TRANSFER_ID);
            ctx.writeAndFlush(new DatagramPacket(TftpPacket.error(ctx.alloc(), TftpPacket.ERROR_UNKNOWN_TID,
                    "unknown transfer ID"), packet.sender()));
            return;
        }
        if (content.readableBytes() < 4) {
            counters.increment(TftpCounter.STALE_PACKETS);
            return;
        }
        int opcode = content.getUnsignedShort(content.readerIndex());    // 2 bytes opcode
        int number = content.getUnsignedShort(content.readerIndex() + 2); // 2 bytes block / error code
        if (opcode == TftpPacket.ERROR) {
            counters.increment(TftpCounter.TRANSFERS_ABORTED_BY_CLIENT);
            end(ServeEvent.TFTP_STOPPED_BY_CLIENT);
        } else if (opcode == TftpPacket.ACK) {
            acknowledge(number);
        } else {
            counters.increment(TftpCounter.STALE_PACKETS);
        }
    }

    private void acknowledge(int block) {
        if (oack != null) {
            // RFC 2347 §2: ACK 0 confirms the OACK; anything else is stale.
            if (block != 0) {
                counters.increment(TftpCounter.STALE_PACKETS);
                return;
            }
            oack.release();
            oack = null;
            retries = 0;
            sendWindow();
            return;
        }
        long advance = (block - (acked & 0xffff)) & 0xffff;
        if (advance == 0 || advance > sent - acked) {
            // A duplicate (lost-ACK retransmission or Sorcerer's Apprentice) or never sent: ignore it.
            counters.increment(TftpCounter.STALE_PACKETS);
            return;
        }
        long before = acked;
        acked += advance;
        counters.add(TftpCounter.DATA_BYTES, bytesBetween(before, acked));
        retries = 0;
        if (acked == lastBlock) {
            counters.increment(TftpCounter.TRANSFERS_COMPLETED);
            end(0);
            return;
        }
        // A whole window acknowledged, or (RFC 7440 §4) the last block the client got in order: either way
        // the next window starts right after it.
        sent = acked;
        sendWindow();
    }

    private long bytesBetween(long fromBlock, long toBlock) {
        long end = Math.min(toBlock * blockSize, source.size());
        long start = Math.min(fromBlock * blockSize, source.size());
        return end - start;
    }

    private void sendWindow() {
        long upTo = Math.min(acked + windowSize, lastBlock);
        long from = acked + 1;
        try {
            for (long block = from; block <= upTo; block++) {
                long position = (block - 1) * blockSize;
                int length = (int) Math.min(blockSize, source.size() - position);
                ByteBuf data = TftpPacket.dataHeader(channel.alloc(), length, block);
                try {
                    source.read(data, position, length);
                } catch (IOException | RuntimeException e) {
                    data.release();
                    throw e;
                }
                channel.write(new DatagramPacket(data, client));
            }
        } catch (IOException | RuntimeException e) {
            counters.increment(TftpCounter.FILE_ERRORS);
            channel.writeAndFlush(new DatagramPacket(TftpPacket.error(channel.alloc(), TftpPacket.ERROR_UNDEFINED,
                    "read error"), client));
            end(TftpPacket.ERROR_UNDEFINED);
            return;
        }
        channel.flush();
        sent = Math.max(sent, upTo);
        arm();
    }

    private void arm() {
        if (timer != null) {
            timer.cancel(false);
        }
        long delay = Math.min(timeoutMillis << Math.min(retries, 20), Math.max(MAX_BACKOFF_MILLIS, timeoutMillis));
        timer = channel.eventLoop().schedule(this::timedOut, delay, TimeUnit.MILLISECONDS);
    }

    private void timedOut() {
        timer = null;
        if (ended) {
            return;
        }
        if (++retries > settings.maxRetries()) {
            counters.increment(TftpCounter.TRANSFERS_TIMED_OUT);
            end(ServeEvent.TFTP_CLIENT_VANISHED);
            return;
        }
        counters.increment(TftpCounter.RETRANSMISSIONS);
        if (oack != null) {
            channel.writeAndFlush(new DatagramPacket(oack.retainedDuplicate(), client));
            arm();
        } else {
            sent = acked;
            sendWindow();
        }
    }

    /** The transfer's port could not be bound: give its resources back. */
    void channelInactiveWithoutChannel() {
        end(TftpPacket.ERROR_UNDEFINED);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end(ServeEvent.TFTP_CLIENT_VANISHED);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // ICMP port unreachable surfaces here on some transports: the client is gone.
        end(ServeEvent.TFTP_CLIENT_VANISHED);
    }

    private void end(int status) {
        if (ended) {
            return;
        }
        ended = true;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (oack != null) {
            oack.release();
            oack = null;
        }
        source.close();
        onEnd.run();
        settings.notify(new ServeEvent(ServeEvent.Protocol.TFTP, client, "RRQ", filename, status,
                bytesBetween(0, acked), started, Duration.ofNanos(System.nanoTime() - startNanos)));
        if (channel != null) {
            channel.close();
        }
    }
}
