package dev.ipv6boot.http;

import io.netty.util.NetUtil;

import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link ServeListener} writing one line per request, in Common Log Format (Apache's {@code %h %l %u %t
 * "%r" %>s %b}) or as one JSON object. The sink decides where lines go (a logger, a file writer).
 *
 * <pre>
 * 2001:db8::2 - - [26/Nov/2026:02:31:07 +0000] "GET /ipxe.efi HTTP/1.1" 200 1048576
 * {"time":"2026-11-26T02:31:07.113Z","protocol":"HTTP","client":"2001:db8::2","port":50412,"method":"GET","target":"/ipxe.efi","status":200,"bytes":1048576,"micros":5121}
 * </pre>
 */
public final class AccessLog implements ServeListener {
    private static final DateTimeFormatter COMMON_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The line formats. */
    public enum Format { COMMON, JSON }

    private final Format format;
    private final Consumer<String> sink;

    private AccessLog(Format format, Consumer<String> sink) {
        this.format = format;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    public static AccessLog common(Consumer<String> sink) {
        return new AccessLog(Format.COMMON, sink);
    }

    public static AccessLog json(Consumer<String> sink) {
        return new AccessLog(Format.JSON, sink);
    }

    @Override
    public void served(ServeEvent event) {
        sink.accept(format(event));
    }

    /** The line for {@code event}, without a line terminator. */
    public String format(ServeEvent event) {
        InetSocketAddress client = event.client();
        // RFC 5952 text (2001:db8::2, not 2001:db8:0:0:0:0:0:2), without a scope id.
        String host = client.getAddress() == null ? client.getHostString() : NetUtil.toAddressString(client.getAddress());
        if (format == Format.COMMON) {
            String protocol = event.protocol() == ServeEvent.Protocol.HTTP ? " HTTP/1.1" : " TFTP";
            return host + " - - [" + COMMON_TIME.format(event.started()) + "] \"" + event.method() + ' '
                    + printable(event.target()) + protocol + "\" " + event.status() + ' '
                    + (event.bytes() == 0 ? "-" : Long.toString(event.bytes()));
        }
        return "{\"time\":\"" + event.started() + "\",\"protocol\":\"" + event.protocol() + "\",\"client\":\""
                + host + "\",\"port\":" + client.getPort() + ",\"method\":\"" + jsonEscape(event.method())
                + "\",\"target\":\"" + jsonEscape(event.target()) + "\",\"status\":" + event.status()
                + ",\"bytes\":" + event.bytes() + ",\"micros\":" + event.duration().toNanos() / 1000 + "}";
    }

    /** Log lines must not let a client forge lines: control characters and quotes are escaped. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
