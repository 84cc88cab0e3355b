package dev.ipv6boot.examples.serve;

import dev.ipv6boot.examples.config.Translation;
import dev.ipv6boot.examples.observe.AdminServer;
import dev.ipv6boot.examples.observe.BootObserver;
import dev.ipv6boot.examples.observe.ServerMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code ipv6boot serve --config FILE}: starts the configured services and runs until SIGTERM or SIGINT (graceful
 * shutdown: final RA with router lifetime 0, journal synced). SIGHUP, or {@code ipv6boot reload}, re-reads the file
 * and swaps the DHCPv6 policy and the per-machine content without dropping a lease.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the boot server: RA, DHCPv6, DNS forwarder, HTTP and TFTP from one configuration file.",
            "SIGHUP (or 'ipv6boot reload') re-reads the file; SIGTERM/SIGINT stop gracefully.",
            "Exit status: 0 after a clean stop, 1 when a service cannot start, 2 when the configuration has errors."})
public final class ServeCommand implements Callable<Integer> {
    // obtained when serving, not when picocli instantiates every subcommand: the demo sets the log level first
    private static Logger log() {
        return LoggerFactory.getLogger("ipv6boot.serve");
    }

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "the YAML configuration")
    Path config;

    @Spec
    CommandSpec spec;

    private final Object reloadLock = new Object();

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        Translation t = ConfigFile.read(config, err);
        if (t == null || t.hasErrors()) {
            err.println("not started: the configuration has errors");
            return 2;
        }
        // BootEventLog: one line per boot event; the observer adds one per machine's stage change (MAC, host name)
        BootObserver observer = observer(t);
        Ipv6bootServer server;
        AdminServer admin;
        try {
            server = Ipv6bootServer.start(t, BootListeners.of(observer).and(BootListeners.of(new BootEventLog())));
        } catch (IOException | RuntimeException e) {
            err.println("not started: " + e.getMessage());
            return 1;
        }
        try {
            admin = AdminServer.start(t.source().admin(), observer, metrics(observer, server));
        } catch (IOException | RuntimeException e) {
            server.close();
            err.println("not started: admin: " + e.getMessage());
            return 1;
        }
        Path pidFile = ConfigFile.pidFile(t);
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            log().warn("cannot write {} ({}): 'ipv6boot reload' will not find this server; kill -HUP works",
                    pidFile, e.getMessage());
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        Signal.handle(new Signal("HUP"), s -> Thread.ofPlatform().name("ipv6boot-reload").start(() -> reload(server)));
        log().info("ipv6boot serving (pid {}); SIGHUP reloads {}", ProcessHandle.current().pid(), config);
        stop.await();
        log().info("stopping");
        admin.close();
        server.close();
        Files.deleteIfExists(pidFile);
        log().info("stopped");
        return 0;
    }

    /** The boot observer, with the configured machines' host names and the stuck-boot threshold. */
    static BootObserver observer(Translation t) {
        BootObserver.Builder b = BootObserver.builder()
                .stuckAfter(java.time.Duration.ofMinutes(t.source().admin().stuckAfterMinutes()));
        t.boot().machines().forEach((mac, machine) -> b.hostname(mac.toString(), machine.hostname()));
        return b.build();
    }

    /** Prometheus metrics of every running service and of the observer's machines. */
    static ServerMetrics metrics(BootObserver observer, Ipv6bootServer server) {
        ServerMetrics metrics = new ServerMetrics(observer);
        server.dhcp6().ifPresent(metrics::register);
        server.dns().ifPresent(metrics::register);
        server.http().ifPresent(metrics::register);
        server.tftp().ifPresent(metrics::register);
        List<dev.ipv6boot.examples.config.Translation.Advertising> ras = server.translation().advertising();
        for (int i = 0; i < server.advertisers().size(); i++) {
            metrics.register(ras.get(i).interfaceName(), server.advertisers().get(i));
        }
        return metrics;
    }

    /** Re-reads the file; a file with errors leaves the running configuration as it is. */
    void reload(Ipv6bootServer server) {
        synchronized (reloadLock) {
            java.io.StringWriter problems = new java.io.StringWriter();
            Translation next = ConfigFile.read(config, new java.io.PrintWriter(problems));
            problems.toString().lines().forEach(line -> log().warn("reload: {}", line));
            if (next == null || next.hasErrors()) {
                log().error("reload refused: {} has errors; still serving the previous configuration", config);
                return;
            }
            try {
                List<String> needRestart = server.reload(next);
                log().info("reloaded {}: DHCPv6 policy and per-machine content replaced, leases kept", config);
                if (!needRestart.isEmpty()) {
                    log().warn("reload: these changes take a restart to apply: {}", String.join(", ", needRestart));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log().error("reload failed: {}", e.toString());
            }
        }
    }
}
