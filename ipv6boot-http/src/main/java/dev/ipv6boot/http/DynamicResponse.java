package dev.ipv6boot.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a {@link DynamicHandler} answers. Rendered text is small (an iPXE script, a preseed file), so the body
 * is held in memory.
 *
 * @param status       HTTP status
 * @param contentType  Content-Type of the body
 * @param body         the body bytes (not copied: do not change them after returning)
 */
public record DynamicResponse(int status, String contentType, byte[] body) {

    public DynamicResponse {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /** 200 with UTF-8 text. */
    public static DynamicResponse text(String text) {
        return new DynamicResponse(200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** 200 with {@code text} as {@code contentType}, UTF-8 encoded. */
    public static DynamicResponse of(String contentType, String text) {
        return new DynamicResponse(200, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** 404: this handler knows nothing of that machine. */
    public static DynamicResponse notFound() {
        return new DynamicResponse(404, "text/plain; charset=utf-8", new byte[0]);
    }
}
