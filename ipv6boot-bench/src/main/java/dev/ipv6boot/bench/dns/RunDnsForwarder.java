package dev.ipv6boot.bench.dns;

import dev.ipv6boot.dns.DnsForwarder;
import dev.ipv6boot.dns.DnsForwarderConfig;
import dev.ipv6boot.dns.DnsForwarderListener;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * The forwarder as a process, for load runs and the module README's example: {@code RunDnsForwarder LISTEN_ADDR
 * PORT UPSTREAM_ADDR UPSTREAM_PORT [IO_THREADS [NAME=ADDRESS...]]}, each NAME=ADDRESS a local host (AAAA and
 * PTR). Loopback clients only (the default access control). Prints the counters when stopped.
 */
public final class RunDnsForwarder {
    private RunDnsForwarder() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: RunDnsForwarder LISTEN_ADDR PORT UPSTREAM_ADDR UPSTREAM_PORT [IO_THREADS [NAME=ADDRESS...]]");
            System.exit(2);
        }
        DnsForwarderConfig.Builder builder = DnsForwarderConfig.builder()
                .listen(new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])))
                .upstream(new InetSocketAddress(InetAddress.getByName(args[2]), Integer.parseInt(args[3])))
                .ioThreads(args.length > 4 ? Integer.parseInt(args[4]) : 2);
        for (int i = 5; i < args.length; i++) {
            String[] host = args[i].split("=", 2);
            builder.localHost(host[0], InetAddress.getByName(host[1]));
        }
        DnsForwarderConfig config = builder.build();
        DnsForwarder forwarder = DnsForwarder.start(config, DnsForwarderListener.NONE);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("counters: " + forwarder.counters());
            forwarder.close();
            stopped.countDown();
        }));
        System.out.println("listening on " + forwarder.boundAddresses() + ", transport " + DnsForwarder.transportName());
        stopped.await();
    }
}
