package dev.ipv6boot.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP request target split into a once-decoded path and the raw query (RFC 9112 §3.2). Origin form
 * ({@code /a/b?q}) and absolute form ({@code http://host/a/b}) are accepted; percent escapes are decoded
 * exactly once as UTF-8, so {@code %2e%2e} becomes {@code ..} here and is refused by {@link ArtifactRoot},
 * and {@code %252e} becomes {@code %2e}, whose {@code %} is refused there as double encoding.
 *
 * @param path  decoded path, starting with {@code /}
 * @param query text after {@code ?} (undecoded), empty when absent
 */
record RequestTarget(String path, String query) {

    /** The outcome of {@link #parse(String)}: a target, or the refusal to answer with. */
    sealed interface Parsed permits Ok, Bad {
    }

    record Ok(RequestTarget target) implements Parsed {
    }

    record Bad(PathRefusal reason) implements Parsed {
    }

    private static final Bad MALFORMED = new Bad(PathRefusal.MALFORMED);

    static Parsed parse(String uri) {
        if (uri == null || uri.isEmpty() || uri.length() > ArtifactRoot.MAX_PATH_LENGTH * 3) {
            return MALFORMED;
        }
        String rest = uri;
        if (startsWithIgnoreCase(rest, "http://") || startsWithIgnoreCase(rest, "https://")) {
            int authorityStart = rest.indexOf("//") + 2;
            int slash = rest.indexOf('/', authorityStart);
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        if (rest.charAt(0) != '/') {
            return MALFORMED;
        }
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int question = rest.indexOf('?');
        String rawPath = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question + 1);
        if (rawPath.indexOf('%') < 0) {
            for (int i = 0; i < rawPath.length(); i++) {
                char c = rawPath.charAt(i);
                if (c > 0x7e) {
                    return MALFORMED;
                }
            }
            return new Ok(new RequestTarget(rawPath, query));
        }
        byte[] bytes = new byte[rawPath.length()];
        int length = 0;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    return MALFORMED;
                }
                int high = Character.digit(rawPath.charAt(i + 1), 16);
                int low = Character.digit(rawPath.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return MALFORMED;
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c > 0x7e) {
                return MALFORMED;
            } else {
                bytes[length++] = (byte) c;
            }
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            // Overlong encodings such as %c0%ae are malformed UTF-8 and were refused by the decoder above.
            return new Ok(new RequestTarget(decoded, query));
        } catch (CharacterCodingException e) {
            return MALFORMED;
        }
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
