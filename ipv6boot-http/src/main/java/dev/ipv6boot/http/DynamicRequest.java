package dev.ipv6boot.http;

import io.netty.handler.codec.http.HttpHeaders;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A request routed to a {@link DynamicHandler}.
 *
 * @param path       the decoded path
 * @param parameters values of the pattern's parameters ({@code mac} for {@code /boot/{mac}.ipxe})
 * @param query      the raw query string, empty when absent
 * @param client     the client's address and port: who is booting
 * @param head       true for HEAD (the body is computed but not sent)
 * @param headers    the request headers (read-only use)
 */
public record DynamicRequest(String path, Map<String, String> parameters, String query, InetSocketAddress client,
                             boolean head, HttpHeaders headers) {

    /** The value of parameter {@code name}, or null. */
    public String parameter(String name) {
        return parameters.get(name);
    }
}
