package dev.ipv6boot.http;

import dev.ipv6boot.http.tftp.TftpServer;
import io.netty.util.NetUtil;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A runnable server for benchmarks and trials:
 * {@code java -cp ... dev.ipv6boot.http.ArtifactServerMain --root DIR --listen [::1]:8080 [--tftp [::1]:6969]
 * [--threads N] [--access-log] [--admission GLOBAL/PER_PREFIX]}. Prints the bound addresses and runs until killed.
 */
public final class ArtifactServerMain {
    private ArtifactServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = null;
        InetSocketAddress http = null;
        InetSocketAddress tftp = null;
        int threads = 0;
        boolean accessLog = false;
        AdmissionPolicy admission = AdmissionPolicy.unlimited();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--root" -> root = Path.of(required(args[i], value));
                case "--listen" -> http = address(required(args[i], value));
                case "--tftp" -> tftp = address(required(args[i], value));
                case "--threads" -> threads = Integer.parseInt(required(args[i], value));
                case "--admission" -> {
                    String[] limits = required(args[i], value).split("/");
                    admission = AdmissionPolicy.of(Integer.parseInt(limits[0]), Integer.parseInt(limits[1]));
                }
                case "--access-log" -> {
                    accessLog = true;
                    continue;
                }
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        if (root == null || (http == null && tftp == null)) {
            usage("--root and --listen or --tftp are required");
        }
        ArtifactRoot artifacts = ArtifactRoot.of(root);
        ArtifactServer server = null;
        TftpServer tftpServer = null;
        if (http != null) {
            ArtifactServer.Builder builder = ArtifactServer.builder(artifacts).listen(http).threads(threads).admission(admission);
            if (accessLog) {
                builder.listener(AccessLog.common(System.out::println));
            }
            server = builder.start();
            System.out.println("http " + NetUtil.toSocketAddressString(server.localAddress()) + " transport " + server.transportName() + " root " + artifacts.directory());
        }
        if (tftp != null) {
            TftpServer.Builder builder = TftpServer.builder(artifacts).listen(tftp);
            if (accessLog) {
                builder.listener(AccessLog.common(System.out::println));
            }
            tftpServer = builder.start();
            System.out.println("tftp " + NetUtil.toSocketAddressString(tftpServer.localAddress()) + " transport " + tftpServer.transportName());
        }
        ArtifactServer httpServer = server;
        TftpServer finalTftp = tftpServer;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (httpServer != null) {
                httpServer.close();
            }
            if (finalTftp != null) {
                finalTftp.close();
            }
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String required(String option, String value) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    /** {@code [addr]:port}, {@code addr:port} for IPv4, or a bare port (all addresses). */
    static InetSocketAddress address(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                usage("expected [address]:port, got " + text);
            }
            return new InetSocketAddress(text.substring(1, close), Integer.parseInt(text.substring(close + 2)));
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return new InetSocketAddress("::", Integer.parseInt(text));
        }
        return new InetSocketAddress(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ArtifactServerMain --root DIR [--listen [::1]:8080] [--tftp [::1]:6969] [--threads N]"
                + " [--admission GLOBAL/PER_PREFIX] [--access-log]");
        System.exit(2);
    }
}
