package dev.ipv6boot.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One connection's requests, answered strictly in order (RFC 9112 §9.3.2): while a response is being written,
 * later pipelined requests wait in a short queue and the socket is not read, so a client cannot make the
 * server hold more than one open file per connection.
 */
final class HttpRequestHandler extends ChannelInboundHandlerAdapter {
    /** Pipelined requests held while one is answered; a client sending more is cut off. */
    private static final int MAX_QUEUED = 16;
    private static final String ALLOW = "GET, HEAD";
    /** Bodies up to this size are read and sent with their headers in one write; larger ones go by sendfile. */
    static final int INLINE_BODY_LIMIT = 16 * 1024;

    private final HttpServerContext context;
    private final ArrayDeque<HttpRequest> queued = new ArrayDeque<>(4);
    private boolean responding;
    private boolean closing;
    private ScheduledFuture<?> headTimeout;
    /** When the first byte of the request head now arriving came, or 0 between requests. */
    private long headStartedNanos;

    HttpRequestHandler(HttpServerContext context) {
        this.context = context;
    }

    /**
     * A handler placed before the codec: the first bytes of a request head start the head timeout, so a
     * client trickling a header byte by byte (slowloris) is cut off, while an idle keep-alive connection is
     * left to the idle timeout.
     */
    ChannelInboundHandlerAdapter headTimer() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                // Also while a response is being written: a pipelined head that never completes is still slow.
                if (headStartedNanos == 0 && msg instanceof ByteBuf buf && buf.isReadable()) {
                    headStartedNanos = System.nanoTime() | 1;   // never 0, which means "no head in progress"
                    if (headTimeout == null) {
                        armHeadTimeout(ctx, context.limits().requestHeadTimeout().toNanos());
                    }
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    /**
     * One timer per connection, not one per request: when it fires it closes the connection if a head has
     * been arriving for too long, else sleeps until the current head's deadline (or a full period). A download
     * in progress is never cut by it; the idle timeout watches that.
     */
    private void armHeadTimeout(ChannelHandlerContext ctx, long delayNanos) {
        headTimeout = ctx.executor().schedule(() -> {
            headTimeout = null;
            if (!ctx.channel().isActive()) {
                return;
            }
            long limit = context.limits().requestHeadTimeout().toNanos();
            if (headStartedNanos != 0 && !responding) {
                long waited = System.nanoTime() - headStartedNanos;
                if (waited >= limit) {
                    context.counters().increment(HttpCounter.REQUEST_HEAD_TIMEOUTS);
                    ctx.close();
                    return;
                }
                armHeadTimeout(ctx, limit - waited);
            } else {
                armHeadTimeout(ctx, limit);
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                headStartedNanos = 0;
                if (closing) {
                    return;
                }
                if (responding) {
                    if (queued.size() >= MAX_QUEUED) {
                        closing = true;
                        ctx.close();
                        return;
                    }
                    queued.add(request);
                    ctx.channel().config().setAutoRead(false);
                    return;
                }
                handle(ctx, request);
            } else if (msg instanceof HttpObject object && object.decoderResult().isFailure() && !closing) {
                // A broken body or chunk of a request already answered: nothing sane can follow it.
                closing = true;
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            context.counters().increment(HttpCounter.IDLE_TIMEOUTS);
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelHeadTimeout();
        queued.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Connection resets and the like: the peer is gone, nothing to answer.
        ctx.close();
    }

    private void cancelHeadTimeout() {
        if (headTimeout != null) {
            headTimeout.cancel(false);
            headTimeout = null;
        }
    }

    private void handle(ChannelHandlerContext ctx, HttpRequest request) {
        responding = true;
        Exchange exchange = new Exchange(request, context.listeners().isEmpty() ? null : Instant.now(), System.nanoTime());
        context.counters().increment(HttpCounter.REQUESTS);
        DecoderResult decoded = request.decoderResult();
        if (decoded.isFailure()) {
            Throwable cause = decoded.cause();
            exchange.keepAlive = false;
            if (cause instanceof TooLongHttpLineException) {
                error(ctx, exchange, HttpResponseStatus.REQUEST_URI_TOO_LONG, HttpCounter.REQUEST_LINE_TOO_LONG);
            } else if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
                error(ctx, exchange, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, HttpCounter.HEADERS_TOO_LARGE);
            } else {
                error(ctx, exchange, HttpResponseStatus.BAD_REQUEST, HttpCounter.MALFORMED_REQUESTS);
            }
            return;
        }
        HttpMethod method = request.method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            HttpResponse response = errorResponse(exchange, HttpResponseStatus.METHOD_NOT_ALLOWED);
            response.headers().set(HttpHeaderNames.ALLOW, ALLOW);
            context.counters().increment(HttpCounter.METHOD_NOT_ALLOWED);
            send(ctx, exchange, response);
            return;
        }
        RequestTarget.Parsed parsed = RequestTarget.parse(request.uri());
        if (parsed instanceof RequestTarget.Ok ok) {
            route(ctx, exchange, ok.target());
        } else {
            refuse(ctx, exchange, ((RequestTarget.Bad) parsed).reason());
        }
    }

    private void route(ChannelHandlerContext ctx, Exchange exchange, RequestTarget target) {
        for (HttpServerContext.Route route : context.routes()) {
            Map<String, String> parameters = route.pattern().match(target.path());
            if (parameters != null) {
                dynamic(ctx, exchange, route.handler(), new DynamicRequest(target.path(), parameters, target.query(),
                        (InetSocketAddress) ctx.channel().remoteAddress(), exchange.head, exchange.request.headers()));
                return;
            }
        }
        FileCache.Entry cached = context.files().cached(target.path());
        if (cached != null) {
            serveEntry(ctx, exchange, target, cached);
            return;
        }
        // A miss asks the disk (realpath, stat, maybe a read): never on the event loop (DESIGN: no blocking).
        try {
            context.fileExecutor().execute(() -> {
                FileCache.Entry entry = context.files().lookup(target.path());
                ctx.executor().execute(() -> serveEntry(ctx, exchange, target, entry));
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            error(ctx, exchange, HttpResponseStatus.SERVICE_UNAVAILABLE, null);
        }
    }

    private void serveEntry(ChannelHandlerContext ctx, Exchange exchange, RequestTarget target, FileCache.Entry entry) {
        ArtifactRoot.Resolution resolution = entry.resolution();
        if (resolution instanceof ArtifactRoot.Found found) {
            serveFile(ctx, exchange, target, found, entry.content());
        } else {
            refuse(ctx, exchange, ((ArtifactRoot.Refused) resolution).reason());
        }
    }

    private void dynamic(ChannelHandlerContext ctx, Exchange exchange, DynamicHandler handler, DynamicRequest request) {
        if (context.handlerExecutor() == null) {
            sendDynamic(ctx, exchange, render(handler, request));
            return;
        }
        try {
            context.handlerExecutor().execute(() -> {
                DynamicResponse response = render(handler, request);
                ctx.executor().execute(() -> sendDynamic(ctx, exchange, response));
            });
        } catch (RejectedExecutionException e) {
            context.counters().increment(HttpCounter.HANDLER_FAILURES);
            error(ctx, exchange, HttpResponseStatus.SERVICE_UNAVAILABLE, null);
        }
    }

    private static DynamicResponse render(DynamicHandler handler, DynamicRequest request) {
        try {
            DynamicResponse response = handler.handle(request);
            return response != null ? response : DynamicResponse.notFound();
        } catch (Exception | LinkageError | AssertionError e) {
            return null;
        }
    }

    private void sendDynamic(ChannelHandlerContext ctx, Exchange exchange, DynamicResponse rendered) {
        if (rendered == null) {
            context.counters().increment(HttpCounter.HANDLER_FAILURES);
            error(ctx, exchange, HttpResponseStatus.INTERNAL_SERVER_ERROR, null);
            return;
        }
        context.counters().increment(HttpCounter.DYNAMIC);
        ByteBuf body = exchange.head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(rendered.body());
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(rendered.status()), body);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, rendered.contentType());
        headers.set(HttpHeaderNames.CONTENT_LENGTH, rendered.body().length);
        // Rendered per machine and per moment: a cache in between must not hand it to another machine.
        headers.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        exchange.bodyBytes = exchange.head ? 0 : rendered.body().length;
        send(ctx, exchange, response);
    }

    private void refuse(ChannelHandlerContext ctx, Exchange exchange, PathRefusal reason) {
        HttpCounter counter = switch (reason) {
            case MALFORMED -> HttpCounter.REFUSED_MALFORMED_PATH;
            case TRAVERSAL -> HttpCounter.REFUSED_TRAVERSAL;
            case DOUBLE_ENCODED -> HttpCounter.REFUSED_DOUBLE_ENCODING;
            case CONTROL_CHARACTER -> HttpCounter.REFUSED_CONTROL_CHARACTER;
            case DOT_FILE -> HttpCounter.REFUSED_DOT_FILE;
            case SYMLINK -> HttpCounter.REFUSED_SYMLINK;
            case NOT_A_FILE -> HttpCounter.REFUSED_NOT_A_FILE;
            case NOT_FOUND -> HttpCounter.NOT_FOUND;
            case UNREADABLE -> HttpCounter.UNREADABLE;
        };
        error(ctx, exchange, HttpResponseStatus.valueOf(reason.httpStatus()), counter);
    }

    /** Serves {@code found}; {@code content} is its whole body when the cache holds it, else null. */
    private void serveFile(ChannelHandlerContext ctx, Exchange exchange, RequestTarget target, ArtifactRoot.Found found,
                           byte[] content) {
        HttpHeaders requestHeaders = exchange.request.headers();
        long size = found.size();
        long modifiedSeconds = found.lastModified() / 1000;
        String etag = '"' + Long.toHexString(found.lastModified()) + '-' + Long.toHexString(size) + '"';

        // Preconditions in the order of RFC 9110 §13.2.2.
        String ifMatch = requestHeaders.get(HttpHeaderNames.IF_MATCH);
        if (ifMatch != null ? !EntityTags.matches(ifMatch, etag, true)
                : modifiedAfter(modifiedSeconds, requestHeaders.get(HttpHeaderNames.IF_UNMODIFIED_SINCE))) {
            error(ctx, exchange, HttpResponseStatus.PRECONDITION_FAILED, HttpCounter.PRECONDITION_FAILED);
            return;
        }
        String ifNoneMatch = requestHeaders.get(HttpHeaderNames.IF_NONE_MATCH);
        boolean notModified = ifNoneMatch != null
                ? EntityTags.matches(ifNoneMatch, etag, false)
                : notModifiedSince(modifiedSeconds, requestHeaders.get(HttpHeaderNames.IF_MODIFIED_SINCE));
        if (notModified) {
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.NOT_MODIFIED, Unpooled.EMPTY_BUFFER);
            validators(response.headers(), etag, found.lastModified());
            context.counters().increment(HttpCounter.NOT_MODIFIED);
            send(ctx, exchange, response);
            return;
        }

        ByteRange.Parsed range = new ByteRange.Whole();
        if (!exchange.head && ifRangeHolds(requestHeaders.get(HttpHeaderNames.IF_RANGE), etag, modifiedSeconds)) {
            range = ByteRange.parse(requestHeaders.get(HttpHeaderNames.RANGE), size);
        }
        if (range instanceof ByteRange.Unsatisfiable) {
            HttpResponse response = errorResponse(exchange, HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
            response.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + size);
            context.counters().increment(HttpCounter.RANGE_NOT_SATISFIABLE);
            send(ctx, exchange, response);
            return;
        }
        long first = 0;
        long length = size;
        HttpResponseStatus status = HttpResponseStatus.OK;
        if (range instanceof ByteRange.Partial partial) {
            first = partial.range().first();
            length = partial.range().length();
            status = HttpResponseStatus.PARTIAL_CONTENT;
        }

        if (!exchange.head && context.admission().isLarge(length)) {
            InetSocketAddress client = (InetSocketAddress) ctx.channel().remoteAddress();
            Admission.Prefix prefix = context.admission().prefixOf(client.getAddress());
            Admission.Decision decision = context.admission().tryAcquire(prefix);
            if (decision != Admission.Decision.ADMITTED) {
                HttpResponse response = errorResponse(exchange, HttpResponseStatus.SERVICE_UNAVAILABLE);
                response.headers().set(HttpHeaderNames.RETRY_AFTER,
                        Math.max(1, context.admission().policy().retryAfter().toSeconds()));
                context.counters().increment(decision == Admission.Decision.REFUSED_GLOBAL
                        ? HttpCounter.ADMISSION_REFUSED_GLOBAL : HttpCounter.ADMISSION_REFUSED_PREFIX);
                send(ctx, exchange, response);
                return;
            }
            exchange.admitted = prefix;
        }

        if (exchange.head && content == null && !java.nio.file.Files.isReadable(found.file())) {
            releaseAdmission(exchange);
            refuse(ctx, exchange, PathRefusal.UNREADABLE);
            return;
        }
        FileChannel file = null;
        if (!exchange.head && length > 0 && content == null) {
            try {
                file = FileChannel.open(found.file(), StandardOpenOption.READ);
                if (file.size() != found.size()) {
                    // Replaced since it was resolved: the cached length would be wrong. Resolve once more.
                    file.close();
                    context.files().invalidate(target.path());
                    releaseAdmission(exchange);
                    if (exchange.reresolved) {
                        error(ctx, exchange, HttpResponseStatus.SERVICE_UNAVAILABLE, null);
                    } else {
                        exchange.reresolved = true;
                        route(ctx, exchange, target);
                    }
                    return;
                }
            } catch (NoSuchFileException e) {
                context.files().invalidate(target.path());
                releaseAdmission(exchange);
                refuse(ctx, exchange, PathRefusal.NOT_FOUND);
                return;
            } catch (IOException | SecurityException e) {
                releaseAdmission(exchange);
                refuse(ctx, exchange, PathRefusal.UNREADABLE);
                return;
            }
        }

        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, context.contentTypes().forName(target.path()));
        headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
        headers.set(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES);
        validators(headers, etag, found.lastModified());
        if (status == HttpResponseStatus.PARTIAL_CONTENT) {
            headers.set(HttpHeaderNames.CONTENT_RANGE, "bytes " + first + '-' + (first + length - 1) + '/' + size);
            context.counters().increment(HttpCounter.RANGES_SERVED);
        } else {
            context.counters().increment(HttpCounter.FILES_SERVED);
        }
        commonHeaders(exchange, headers);
        exchange.status = status.code();
        exchange.bodyBytes = exchange.head ? 0 : length;
        if (!exchange.head && content != null) {
            ByteBuf body = ctx.alloc().ioBuffer((int) length);
            body.writeBytes(content, (int) first, (int) length);
            sendWhole(ctx, exchange, response, body);
            return;
        }
        if (file != null && length <= INLINE_BODY_LIMIT) {
            sendInline(ctx, exchange, response, file, first, (int) length);
            return;
        }
        ctx.write(response, ctx.voidPromise());
        if (file != null) {
            // Zero-copy: the kernel moves the bytes from the page cache to the socket (sendfile).
            DefaultFileRegion region = new DefaultFileRegion(file, first, length);
            exchange.region = region;
            ctx.write(region, ctx.voidPromise());
        }
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(done -> finish(ctx, exchange, done.isSuccess()));
    }

    /**
     * Scripts and answers are a few KB: reading them into the response lets headers and body leave in one
     * write, where sendfile would cost a second system call and a second segment for a kilobyte.
     */
    private void sendInline(ChannelHandlerContext ctx, Exchange exchange, HttpResponse head, FileChannel file,
                            long first, int length) {
        ByteBuf body = ctx.alloc().ioBuffer(length);
        boolean read = false;
        try {
            int done = 0;
            while (done < length) {
                int n = body.writeBytes(file, first + done, length - done);
                if (n < 0) {
                    break;
                }
                done += n;
            }
            read = done == length;
        } catch (IOException e) {
            read = false;
        } finally {
            try {
                file.close();
            } catch (IOException ignored) {
                // read-only: nothing lost
            }
        }
        if (!read) {
            // The file shrank between stat and read: the promised Content-Length cannot be kept.
            body.release();
            exchange.keepAlive = false;
            releaseAdmission(exchange);
            refuse(ctx, exchange, PathRefusal.UNREADABLE);
            return;
        }
        sendWhole(ctx, exchange, head, body);
    }

    /** Headers and body in one write. Takes ownership of {@code body}. */
    private void sendWhole(ChannelHandlerContext ctx, Exchange exchange, HttpResponse head, ByteBuf body) {
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, head.status(), body,
                head.headers(), io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE);
        ctx.writeAndFlush(response).addListener(done -> finish(ctx, exchange, done.isSuccess()));
    }

    private static void validators(HttpHeaders headers, String etag, long lastModified) {
        headers.set(HttpHeaderNames.ETAG, etag);
        headers.set(HttpHeaderNames.LAST_MODIFIED, HttpDates.format(lastModified));
    }

    /** If-Unmodified-Since fails when the file changed after the date (RFC 9110 §13.1.4). */
    private static boolean modifiedAfter(long modifiedSeconds, String header) {
        long since = HttpDates.parseSeconds(header);
        return since >= 0 && modifiedSeconds > since;
    }

    /** If-Modified-Since yields 304 when the file did not change after the date (RFC 9110 §13.1.3). */
    private static boolean notModifiedSince(long modifiedSeconds, String header) {
        long since = HttpDates.parseSeconds(header);
        return since >= 0 && modifiedSeconds <= since;
    }

    /**
     * If-Range (RFC 9110 §13.1.5): the range applies only when the client's validator still describes the
     * file, by strong ETag comparison or an exactly equal Last-Modified date; otherwise the whole file is sent.
     */
    private static boolean ifRangeHolds(String header, String etag, long modifiedSeconds) {
        if (header == null) {
            return true;
        }
        String value = header.trim();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(etag);
        }
        long date = HttpDates.parseSeconds(value);
        return date >= 0 && date == modifiedSeconds;
    }

    private HttpResponse errorResponse(Exchange exchange, HttpResponseStatus status) {
        byte[] text = (status.code() + " " + status.reasonPhrase() + "\n").getBytes(StandardCharsets.US_ASCII);
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                exchange.head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(text));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, text.length);
        exchange.bodyBytes = exchange.head ? 0 : text.length;
        return response;
    }

    private void error(ChannelHandlerContext ctx, Exchange exchange, HttpResponseStatus status, HttpCounter counter) {
        if (counter != null) {
            context.counters().increment(counter);
        }
        send(ctx, exchange, errorResponse(exchange, status));
    }

    private void commonHeaders(Exchange exchange, HttpHeaders headers) {
        headers.set(HttpHeaderNames.DATE, HttpDates.now());
        headers.set(HttpHeaderNames.SERVER, "ipv6boot");
        if (!exchange.keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (exchange.request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    private void send(ChannelHandlerContext ctx, Exchange exchange, HttpResponse response) {
        commonHeaders(exchange, response.headers());
        exchange.status = response.status().code();
        if (!(response instanceof LastHttpContent)) {
            ctx.write(response, ctx.voidPromise());
            response = null;
        }
        Object last = response != null ? response : LastHttpContent.EMPTY_LAST_CONTENT;
        ctx.writeAndFlush(last).addListener(done -> finish(ctx, exchange, done.isSuccess()));
    }

    private void finish(ChannelHandlerContext ctx, Exchange exchange, boolean written) {
        releaseAdmission(exchange);
        long bytes = exchange.bodyBytes;
        if (!written) {
            bytes = exchange.region != null ? exchange.region.transferred() : 0;
        }
        context.counters().add(HttpCounter.BODY_BYTES, bytes);
        if (!context.listeners().isEmpty()) {
            context.notify(new ServeEvent(ServeEvent.Protocol.HTTP, (InetSocketAddress) ctx.channel().remoteAddress(),
                    exchange.request.method().name(), exchange.request.uri(), exchange.status, bytes, exchange.started,
                    Duration.ofNanos(System.nanoTime() - exchange.startNanos)));
        }
        responding = false;
        if (!written || !exchange.keepAlive) {
            closing = true;
            ctx.close();
            return;
        }
        HttpRequest next = queued.poll();
        if (next != null) {
            handle(ctx, next);
            return;
        }
        if (!ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void releaseAdmission(Exchange exchange) {
        if (exchange.admitted != null) {
            context.admission().release(exchange.admitted);
            exchange.admitted = null;
        }
    }

    /** The state of one request while it is answered. */
    private static final class Exchange {
        final HttpRequest request;
        final Instant started;
        final long startNanos;
        final boolean head;
        boolean keepAlive;
        int status;
        long bodyBytes;
        DefaultFileRegion region;
        Admission.Prefix admitted;
        boolean reresolved;

        Exchange(HttpRequest request, Instant started, long startNanos) {
            this.request = request;
            this.started = started;
            this.startNanos = startNanos;
            this.head = HttpMethod.HEAD.equals(request.method());
            this.keepAlive = HttpUtil.isKeepAlive(request);
        }
    }
}
