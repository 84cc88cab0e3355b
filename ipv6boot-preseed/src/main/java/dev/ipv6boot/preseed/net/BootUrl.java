package dev.ipv6boot.preseed.net;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * An absolute {@code http}, {@code https} or {@code tftp} URL a boot script or kernel command line points at.
 * The host is a DNS name or an IP literal; an IPv6 literal is always written in brackets
 * ({@code http://[2001:db8::1]/…}, RFC 3986 §3.2.2), with a zone as {@code %25eth0} (RFC 6874), because an
 * unbracketed IPv6 address is read by iPXE, d-i and curl as a host name followed by a port.
 *
 * <p>Paths are percent-encoded except for unreserved characters, {@code /} and the sub-delimiters RFC 3986
 * allows in a path; an iPXE setting expansion such as {@code ${net0/mac:hexhyp}} is kept verbatim so that
 * iPXE can expand it.
 *
 * @param scheme {@code http}, {@code https} or {@code tftp}, lower case
 * @param host   the host as written in the URL: a DNS name, or an IPv6 literal in brackets, or IPv4 dotted
 * @param port   the port, or -1 for the scheme's default
 * @param path   the encoded path, starting with {@code /}
 */
public record BootUrl(String scheme, String host, int port, String path) {
    private static final String SOURCE = "URL";

    public BootUrl {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("tftp")) {
            throw InvalidInputException.of(SOURCE, "bad-url", scheme, "scheme must be http, https or tftp");
        }
        if (port < -1 || port > 65535 || port == 0) {
            throw InvalidInputException.of(SOURCE, "bad-url", String.valueOf(port), "port out of range");
        }
        if (!path.startsWith("/")) {
            throw InvalidInputException.of(SOURCE, "bad-url", path, "path must start with /");
        }
    }

    /**
     * A URL on {@code host}, which may be a DNS name, an IPv4 literal or an IPv6 literal with or without
     * brackets (and with an optional {@code %zone}); {@code path} is encoded here.
     */
    public static BootUrl of(String scheme, String host, int port, String path) {
        return new BootUrl(scheme.toLowerCase(Locale.ROOT), hostForUrl(host), port, encodePath(path));
    }

    /** {@code http://host/path} on the default port. */
    public static BootUrl http(String host, String path) {
        return of("http", host, -1, path);
    }

    /** {@code http://[address]/path}: always bracketed, whatever the caller's address type. */
    public static BootUrl http(InetAddress address, String path) {
        String text = address.getHostAddress();
        if (address instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            // getHostAddress appends the interface name or number after '%'; keep it as the zone
            return of("http", text, -1, path);
        }
        int zone = text.indexOf('%');
        return of("http", zone < 0 ? text : text.substring(0, zone), -1, path);
    }

    /**
     * Parses an absolute URL written by a person, bracketing nothing: a bare IPv6 host such as
     * {@code http://2001:db8::1/x} is an error here, as it would be for the installer.
     */
    public static BootUrl parse(String text) {
        Objects.requireNonNull(text, "text");
        int sep = text.indexOf("://");
        if (sep <= 0) {
            throw InvalidInputException.of(SOURCE, "bad-url", text, "not an absolute URL (scheme://host/path)");
        }
        String scheme = text.substring(0, sep).toLowerCase(Locale.ROOT);
        String rest = text.substring(sep + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        String host;
        int port = -1;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw InvalidInputException.of(SOURCE, "bad-url", text, "unclosed [ in the host");
            }
            host = authority.substring(0, close + 1);
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                port = parsePort(text, after);
            }
            String literal = host.substring(1, host.length() - 1).replace("%25", "%");
            if (!isIpv6Literal(literal)) {
                throw InvalidInputException.of(SOURCE, "bad-url", text, "bracketed host is not an IPv6 address");
            }
        } else {
            if (authority.indexOf(':') != authority.lastIndexOf(':')) {
                throw InvalidInputException.of(SOURCE, "unbracketed-ipv6", text,
                        "an IPv6 address in a URL must be in brackets: " + scheme + "://["
                                + authority + "]" + path);
            }
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            if (colon >= 0) {
                port = parsePort(text, authority.substring(colon));
            }
            if (host.isEmpty()) {
                throw InvalidInputException.of(SOURCE, "bad-url", text, "no host");
            }
            if (!DnsNames.isDomainName(host) && !isIpv4Literal(host) && !host.startsWith("${")) {
                throw InvalidInputException.of(SOURCE, "bad-url", text, "'" + host + "' is not a host name or address");
            }
        }
        return new BootUrl(scheme, host, port, path);
    }

    private static int parsePort(String text, String colonPort) {
        if (!colonPort.startsWith(":") || colonPort.length() < 2 || colonPort.length() > 6
                || !colonPort.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw InvalidInputException.of(SOURCE, "bad-url", text, "bad port " + colonPort);
        }
        return Integer.parseInt(colonPort.substring(1));
    }

    /**
     * The http, https and tftp URLs inside a longer text such as a kernel argument value
     * ({@code nocloud-net;s=http://[2001:db8::1]/seed/}), each up to the next {@code ;}, {@code ,} or white space.
     */
    public static java.util.List<String> findUrls(String text) {
        java.util.List<String> urls = new java.util.ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int best = -1;
            for (String scheme : new String[] {"http://", "https://", "tftp://"}) {
                int at = lower.indexOf(scheme, from);
                if (at >= 0 && (best < 0 || at < best) && (at == 0 || !Character.isLetter(lower.charAt(at - 1)))) {
                    best = at;
                }
            }
            if (best < 0) {
                return urls;
            }
            int end = best;
            while (end < text.length() && ";, \t\"'".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            urls.add(text.substring(best, end));
            from = end;
        }
    }

    /** True when {@code host} (without brackets) is an IPv6 literal, optionally with a {@code %zone}. */
    public static boolean isIpv6Literal(String host) {
        String address = host;
        int zone = host.indexOf('%');
        if (zone >= 0) {
            address = host.substring(0, zone);
            if (zone == host.length() - 1) {
                return false;
            }
        }
        if (address.indexOf(':') < 0) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return false;
            }
        }
        try {
            // only literals reach here (hex digits, colons, dots), so no DNS lookup can happen
            return InetAddress.getByName(address) instanceof Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String hostForUrl(String host) {
        Objects.requireNonNull(host, "host");
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (isIpv6Literal(bare.replace("%25", "%"))) {
            String literal = bare.replace("%25", "%");
            int zone = literal.indexOf('%');
            String address = zone < 0 ? literal : literal.substring(0, zone);
            String zonePart = zone < 0 ? "" : "%25" + encode(literal.substring(zone + 1), false);
            return "[" + canonical(address) + zonePart + "]";
        }
        if (bare.startsWith("${") && bare.endsWith("}")) {
            return bare; // an iPXE setting such as ${next-server}, expanded by iPXE before use
        }
        if (!DnsNames.isDomainName(bare) && !isIpv4Literal(bare)) {
            throw InvalidInputException.of(SOURCE, "bad-url", host, "not a host name or IP address");
        }
        return bare.toLowerCase(Locale.ROOT);
    }

    /** The RFC 5952 text of an IPv6 literal: lower case, longest run of zero groups as "::". */
    static String canonical(String literal) {
        byte[] b;
        try {
            b = InetAddress.getByName(literal).getAddress(); // a literal: no lookup
        } catch (java.net.UnknownHostException e) {
            return literal.toLowerCase(Locale.ROOT);
        }
        if (b.length != 16) {
            return literal.toLowerCase(Locale.ROOT);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[2 * i] & 0xFF) << 8 | b[2 * i + 1] & 0xFF;
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened (RFC 5952 §4.2.2)
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    private static boolean isIpv4Literal(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * Percent-encodes a path (RFC 3986 §3.3) but keeps {@code /}, existing valid {@code %XX} escapes and iPXE
     * {@code ${…}} expansions, which iPXE replaces before it parses the URL.
     */
    public static String encodePath(String path) {
        Objects.requireNonNull(path, "path");
        String p = path.startsWith("/") ? path : "/" + path;
        StringBuilder sb = new StringBuilder(p.length() + 8);
        int i = 0;
        while (i < p.length()) {
            if (p.startsWith("${", i)) {
                int end = IpxeExpansion.end(p, i);
                if (end < 0) {
                    throw InvalidInputException.of(SOURCE, "bad-url", path, "unclosed ${ in the path");
                }
                sb.append(p, i, end);
                i = end;
                continue;
            }
            char c = p.charAt(i);
            if (c == '%' && i + 2 < p.length() && Character.digit(p.charAt(i + 1), 16) >= 0
                    && Character.digit(p.charAt(i + 2), 16) >= 0) {
                sb.append(p, i, i + 3);
                i += 3;
                continue;
            }
            int cp = p.codePointAt(i);
            sb.append(encode(new String(Character.toChars(cp)), true));
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static String encode(String s, boolean inPath) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean unreserved = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~';
            // sub-delims and ':' '@' are allowed in a path segment (RFC 3986 §3.3); ';' is left out on
            // purpose because GRUB and some shells treat it as a separator when a URL lands in a command line
            boolean pathChar = inPath && (c == '/' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '('
                    || c == ')' || c == '*' || c == '+' || c == ',' || c == '=' || c == ':' || c == '@');
            if (unreserved || pathChar) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    /** The same server and port with another path (encoded here). */
    public BootUrl withPath(String newPath) {
        return new BootUrl(scheme, host, port, encodePath(newPath));
    }

    /** This URL with {@code relative} appended to its path, with exactly one slash between them. */
    public BootUrl resolve(String relative) {
        String base = path.endsWith("/") ? path : path + "/";
        String rel = relative.startsWith("/") ? relative.substring(1) : relative;
        return new BootUrl(scheme, host, port, base + encodePath(rel).substring(1));
    }

    @Override
    public String toString() {
        return scheme + "://" + host + (port == -1 ? "" : ":" + port) + path;
    }
}
