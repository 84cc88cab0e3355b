package dev.ipv6boot.examples.config;

import java.util.List;

/**
 * The read-only TFTP server UEFI PXE firmware loads iPXE from.
 *
 * @param enabled false turns it off
 * @param listen  socket addresses; defaults to the site address, port 69
 * @param root    defaults to the HTTP root
 */
public record TftpConfig(Boolean enabled, List<String> listen, String root) {
    static final TftpConfig DEFAULT = new TftpConfig(null, null, null);

    public TftpConfig {
        enabled = enabled == null || enabled;
        listen = Lists.copy(listen);
    }
}
