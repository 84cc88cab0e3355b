package dev.ipv6boot.examples.observe;

import dev.ipv6boot.examples.config.Addresses;
import dev.ipv6boot.examples.config.AdminConfig;
import dev.ipv6boot.http.ArtifactRoot;
import dev.ipv6boot.http.ArtifactServer;
import dev.ipv6boot.http.DynamicResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The operator's endpoints, served by our own {@link ArtifactServer} with two dynamic routes over an empty root:
 * {@code GET /status} (a {@link StatusReport} as JSON) and {@code GET /metrics} (Prometheus text format 0.0.4).
 * Both are rendered on a thread of the admin server's own, never on a service's event loop.
 *
 * <pre>{@code
 * try (AdminServer admin = AdminServer.start(config.admin(), observer, metrics)) {   // [::1]:9547 by default
 *     ...
 * }
 * }</pre>
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    static final String JSON = "application/json";

    private final List<ArtifactServer> servers;
    private final ExecutorService renderer;
    private final Path emptyRoot;

    private AdminServer(List<ArtifactServer> servers, ExecutorService renderer, Path emptyRoot) {
        this.servers = servers;
        this.renderer = renderer;
        this.emptyRoot = emptyRoot;
    }

    /**
     * Listens on every address of {@code config.listen()} ({@code [::1]:9547} by default; port 0 picks one).
     *
     * @throws IOException              when the empty root cannot be made
     * @throws IllegalArgumentException when an address is not {@code [address]:port}
     */
    public static AdminServer start(AdminConfig config, BootObserver observer, ServerMetrics metrics)
            throws IOException, InterruptedException {
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(metrics, "metrics");
        List<InetSocketAddress> addresses = config.listen().stream().map(text -> Addresses.socket(text, AdminConfig.DEFAULT_PORT)).toList();
        // Nothing but the two routes is served: files are looked up in a directory that holds none.
        Path emptyRoot = Files.createTempDirectory("ipv6boot-admin");
        ExecutorService renderer = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "ipv6boot-admin");
            thread.setDaemon(true);
            return thread;
        });
        List<ArtifactServer> started = new ArrayList<>();
        AdminServer admin = new AdminServer(started, renderer, emptyRoot);
        try {
            ArtifactRoot root = ArtifactRoot.of(emptyRoot);
            for (InetSocketAddress address : addresses) {
                started.add(ArtifactServer.builder(root)
                        .listen(address)
                        .threads(1)
                        .handlerExecutor(renderer)
                        .route("/status", request -> new DynamicResponse(200, JSON,
                                StatusJson.write(StatusReport.of(observer, metrics))))
                        .route("/metrics", request -> {
                            ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
                            metrics.write(out);
                            return new DynamicResponse(200, metrics.contentType(), out.toByteArray());
                        })
                        .start());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            admin.close();
            throw e;
        }
        for (ArtifactServer server : started) {
            LOG.info("admin: http://{}/status and /metrics", Addresses.format(server.localAddress()));
        }
        return admin;
    }

    /** The addresses bound, in the order configured (with the ports chosen for port 0). */
    public List<InetSocketAddress> localAddresses() {
        return servers.stream().map(ArtifactServer::localAddress).toList();
    }

    /** Stops listening and removes the empty root. */
    @Override
    public void close() {
        servers.forEach(ArtifactServer::close);
        renderer.shutdownNow();
        try {
            Files.deleteIfExists(emptyRoot);
        } catch (IOException e) {
            LOG.warn("admin: could not remove {}: {}", emptyRoot, e.toString());
        }
    }
}
