package dev.ipv6boot.dns;

import dev.ipv6boot.dns.acl.AccessControl;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link DnsForwarder} is started with. Build it with {@link #builder()}; every field has a
 * default fit for a boot network except the upstreams.
 *
 * @param listen              addresses to listen on, UDP and TCP each (default {@code [::]:53})
 * @param upstreams           resolvers to forward to, in order of preference
 * @param accessControl       who may ask (default: loopback only)
 * @param upstreamTimeout     how long one upstream attempt may take before the next upstream is tried
 * @param attempts            upstream attempts per query, across upstreams (RFC 1536 §1 warns against endless retries)
 * @param failuresBeforeDown  consecutive timeouts after which an upstream is skipped
 * @param downTime            how long a failed upstream is skipped before it is tried again
 * @param cacheEntries        the cache's size bound (0: no cache)
 * @param maxCacheTtl         the longest any positive answer is cached
 * @param maxNegativeTtl      the longest a negative answer is cached (RFC 2308 §5)
 * @param ednsUdpSize         the EDNS payload size we advertise, to clients and upstream (RFC 6891, 1232 by default)
 * @param tcpIdleTimeout      a TCP client connection idle this long is closed (RFC 7766 §6.2.3)
 * @param maxTcpConnections   TCP client connections accepted at once; more are closed on accept
 * @param maxOutstanding      queries waiting on upstreams at once; more get SERVFAIL
 * @param localRecords        records answered here without forwarding (more can be added at run time)
 * @param dns64Prefix         a /96 prefix for DNS64 synthesis (RFC 6147), or null to disable it
 * @param ioThreads           event-loop threads
 * @param upstreamSockets     UDP sockets towards upstreams per event loop, each on its own random port, each
 *                            carrying many queries told apart by random ID (RFC 5452 §9.2; see the README)
 * @param upstreamSocketQueries queries one upstream socket sends before it is replaced by a socket on a new
 *                            random port (1: a fresh socket for every query)
 */
public record DnsForwarderConfig(List<InetSocketAddress> listen, List<InetSocketAddress> upstreams,
                                 AccessControl accessControl, Duration upstreamTimeout, int attempts,
                                 int failuresBeforeDown, Duration downTime, int cacheEntries,
                                 Duration maxCacheTtl, Duration maxNegativeTtl, int ednsUdpSize,
                                 Duration tcpIdleTimeout, int maxTcpConnections, int maxOutstanding,
                                 List<LocalRecord> localRecords,
                                 Inet6Address dns64Prefix, int ioThreads, int upstreamSockets,
                                 int upstreamSocketQueries) {

    public DnsForwarderConfig {
        listen = List.copyOf(listen);
        upstreams = List.copyOf(upstreams);
        localRecords = List.copyOf(localRecords);
        Objects.requireNonNull(accessControl, "accessControl");
        if (listen.isEmpty()) {
            throw new IllegalArgumentException("no listen address");
        }
        if (upstreams.isEmpty()) {
            throw new IllegalArgumentException("no upstream resolver");
        }
        if (attempts < 1 || failuresBeforeDown < 1 || cacheEntries < 0 || maxTcpConnections < 1 || maxOutstanding < 1
                || ioThreads < 1 || upstreamSockets < 1 || upstreamSocketQueries < 1) {
            throw new IllegalArgumentException("attempts, failuresBeforeDown, maxTcpConnections, maxOutstanding, ioThreads,"
                    + " upstreamSockets, upstreamSocketQueries must be"
                    + " at least 1 and cacheEntries not negative");
        }
        if (ednsUdpSize < 512 || ednsUdpSize > 65535) {
            throw new IllegalArgumentException("EDNS UDP size " + ednsUdpSize + " out of 512..65535");
        }
        for (Duration d : List.of(downTime, maxCacheTtl, maxNegativeTtl)) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative duration " + d);
            }
        }
        if (upstreamTimeout.isNegative() || upstreamTimeout.isZero() || tcpIdleTimeout.isNegative() || tcpIdleTimeout.isZero()) {
            throw new IllegalArgumentException("upstreamTimeout and tcpIdleTimeout must be positive");
        }
        if (dns64Prefix != null) {
            byte[] b = dns64Prefix.getAddress();
            for (int i = 12; i < 16; i++) {
                if (b[i] != 0) {
                    throw new IllegalArgumentException("DNS64 prefix must be a /96 with the last 32 bits zero");
                }
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DnsForwarderConfig}; the defaults are listed on the record. */
    public static final class Builder {
        private final List<InetSocketAddress> listen = new ArrayList<>();
        private final List<InetSocketAddress> upstreams = new ArrayList<>();
        private final List<LocalRecord> localRecords = new ArrayList<>();
        private AccessControl accessControl = AccessControl.loopbackOnly();
        private Duration upstreamTimeout = Duration.ofMillis(1500);
        private int attempts = 3;
        private int failuresBeforeDown = 2;
        private Duration downTime = Duration.ofSeconds(30);
        private int cacheEntries = 100_000;
        private Duration maxCacheTtl = Duration.ofDays(1);
        private Duration maxNegativeTtl = Duration.ofHours(1);
        private int ednsUdpSize = 1232;
        private Duration tcpIdleTimeout = Duration.ofSeconds(10);
        private int maxTcpConnections = 1024;
        private int maxOutstanding = 4096;
        private Inet6Address dns64Prefix;
        private int ioThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private int upstreamSockets = 32;
        private int upstreamSocketQueries = 256;

        private Builder() {
        }

        public Builder listen(InetSocketAddress address) {
            listen.add(address);
            return this;
        }

        public Builder upstream(InetSocketAddress address) {
            upstreams.add(address);
            return this;
        }

        public Builder accessControl(AccessControl acl) {
            this.accessControl = acl;
            return this;
        }

        public Builder upstreamTimeout(Duration timeout) {
            this.upstreamTimeout = timeout;
            return this;
        }

        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        public Builder failuresBeforeDown(int failures) {
            this.failuresBeforeDown = failures;
            return this;
        }

        public Builder downTime(Duration downTime) {
            this.downTime = downTime;
            return this;
        }

        public Builder cacheEntries(int entries) {
            this.cacheEntries = entries;
            return this;
        }

        public Builder maxCacheTtl(Duration ttl) {
            this.maxCacheTtl = ttl;
            return this;
        }

        public Builder maxNegativeTtl(Duration ttl) {
            this.maxNegativeTtl = ttl;
            return this;
        }

        public Builder ednsUdpSize(int size) {
            this.ednsUdpSize = size;
            return this;
        }

        public Builder tcpIdleTimeout(Duration timeout) {
            this.tcpIdleTimeout = timeout;
            return this;
        }

        public Builder maxTcpConnections(int max) {
            this.maxTcpConnections = max;
            return this;
        }

        public Builder maxOutstanding(int max) {
            this.maxOutstanding = max;
            return this;
        }

        /** A local AAAA (and its PTR) for a host name, e.g. the boot server's. */
        public Builder localHost(String name, InetAddress address) {
            localRecords.addAll(LocalRecord.host(name, address));
            return this;
        }

        public Builder localRecord(LocalRecord record) {
            localRecords.add(record);
            return this;
        }

        public Builder dns64Prefix(Inet6Address prefix) {
            this.dns64Prefix = prefix;
            return this;
        }

        public Builder ioThreads(int threads) {
            this.ioThreads = threads;
            return this;
        }

        public Builder upstreamSockets(int perEventLoop) {
            this.upstreamSockets = perEventLoop;
            return this;
        }

        public Builder upstreamSocketQueries(int queries) {
            this.upstreamSocketQueries = queries;
            return this;
        }

        public DnsForwarderConfig build() {
            List<InetSocketAddress> listenOn = listen.isEmpty() ? List.of(new InetSocketAddress(53)) : listen;
            return new DnsForwarderConfig(listenOn, upstreams, accessControl, upstreamTimeout, attempts,
                    failuresBeforeDown, downTime, cacheEntries, maxCacheTtl, maxNegativeTtl, ednsUdpSize,
                    tcpIdleTimeout, maxTcpConnections, maxOutstanding, localRecords, dns64Prefix, ioThreads,
                    upstreamSockets, upstreamSocketQueries);
        }
    }
}
