package dev.ipv6boot.examples.config;

import java.util.List;

/**
 * The HTTP artifact server: files under {@code root}, and per machine the iPXE script and installer answers.
 *
 * @param enabled false turns it off
 * @param listen  socket addresses; defaults to the site address, port 80
 * @param root    the artifact tree (ipxe.efi, kernels, initrds)
 */
public record HttpConfig(Boolean enabled, List<String> listen, String root) {
    static final HttpConfig DEFAULT = new HttpConfig(null, null, null);

    public HttpConfig {
        enabled = enabled == null || enabled;
        listen = Lists.copy(listen);
        root = root == null ? "/srv/ipv6boot" : root;
    }
}
