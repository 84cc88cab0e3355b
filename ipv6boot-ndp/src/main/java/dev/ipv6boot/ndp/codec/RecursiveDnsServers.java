package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * Recursive DNS Server option (RFC 8106 §5.1): 2 reserved bytes, lifetime in seconds (4 bytes), then one or
 * more 16-byte addresses; length is 1 + 2 × the number of addresses.
 */
public record RecursiveDnsServers(long lifetime, List<Ipv6Address> servers) implements NdpOption {

    public RecursiveDnsServers {
        RouterAdvertisement.checkU32("RDNSS lifetime", lifetime);
        servers = List.copyOf(servers);
        if (servers.isEmpty() || servers.size() > 127) {
            throw new IllegalArgumentException("RDNSS carries 1..127 addresses: " + servers.size());
        }
    }

    @Override
    public int type() {
        return NdpOptionType.RECURSIVE_DNS_SERVER;
    }

    @Override
    public int encodedLength() {
        return 8 + 16 * servers.size();
    }

    @Override
    public void writeTo(ByteBuf out) {
        NdpOption.writeHeader(out, type(), encodedLength());
        out.writeShort(0);              // reserved
        out.writeInt((int) lifetime);
        for (int i = 0; i < servers.size(); i++) {
            servers.get(i).writeTo(out);
        }
    }
}
