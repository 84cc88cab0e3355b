package dev.ipv6boot.examples.observe;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ipv6boot status}: the running server's machines as a table, read from its admin {@code /status}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show every machine the running server follows: stage of its boot, since when, its last "
                + "event, and whether it is stuck; then each service's totals.",
                "Exit status: 0 shown, 1 the server could not be reached or answered something else."})
public final class StatusCommand implements Callable<Integer> {
    static final int EXIT_UNREACHABLE = 1;
    private static final int MAX_LAST_EVENT = 70;

    @Option(names = "--admin", paramLabel = "URL", defaultValue = "http://[::1]:9547",
            description = "the server's admin address (admin.listen in its configuration); default ${DEFAULT-VALUE}")
    private String admin;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "how long to wait for the server; default ${DEFAULT-VALUE}")
    private int timeoutSeconds;

    @Spec
    private CommandSpec spec;

    public StatusCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI uri;
        try {
            uri = URI.create(admin.endsWith("/") ? admin + "status" : admin + "/status");
        } catch (IllegalArgumentException e) {
            err.println("status: not a URL: " + admin);
            return EXIT_UNREACHABLE;
        }
        StatusReport report;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds)).build()) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(timeoutSeconds)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                err.printf("status: %s answered HTTP %d: is that an ipv6boot admin address?%n", uri, response.statusCode());
                return EXIT_UNREACHABLE;
            }
            report = StatusJson.read(response.body());
        } catch (IOException e) {
            err.printf("status: cannot reach the ipv6boot server at %s (%s).%n"
                    + "Is 'ipv6boot serve' running, and is admin.listen in its configuration this address "
                    + "(--admin URL)?%n", uri, describe(e));
            return EXIT_UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_UNREACHABLE;
        }
        print(report, out);
        out.flush();
        return 0;
    }

    /** The JDK's HttpClient reports a refused connection as a ConnectException with no message. */
    private static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "no answer in time";
            }
            if (t instanceof java.net.ConnectException) {
                return t.getMessage() == null || t.getMessage().isBlank() ? "connection refused" : t.getMessage();
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The table: one line per machine, then the totals. */
    static void print(StatusReport report, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"MAC", "HOSTNAME", "STAGE", "SINCE", "LAST EVENT", "STUCK"});
        Instant now = report.generatedAt();
        for (MachineTimeline m : report.machines()) {
            String last = m.lastEvent() == null ? "" : m.lastEvent();
            if (last.length() > MAX_LAST_EVENT) {
                last = last.substring(0, MAX_LAST_EVENT - 3) + "...";
            }
            rows.add(new String[] {m.mac(), m.hostname() == null ? "-" : m.hostname(), m.stage().label(),
                    ago(Duration.between(m.stageSince(), now)), last, m.stuck() ? "STUCK" : ""});
        }
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(row[c]).append(c == row.length - 1 ? "" : " ".repeat(widths[c] - row[c].length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
        out.printf("%d machine(s), %d stuck (no progress for %d min)%n", report.machines().size(),
                report.stuckCount(), report.stuckAfterSeconds() / 60);
        for (ServiceSummary s : report.services()) {
            out.printf("%-5s %-24s received %d, answered %d, dropped %d%s%n", s.service(), s.server(), s.received(),
                    s.answered(), s.dropped(), s.droppedByReason().isEmpty() ? "" : " " + s.droppedByReason());
        }
        if (report.unattributedDownloads() > 0 || report.unattributedDnsQueries() > 0) {
            out.printf("from unknown addresses: %d download(s), %d DNS quer%s%n", report.unattributedDownloads(),
                    report.unattributedDnsQueries(), report.unattributedDnsQueries() == 1 ? "y" : "ies");
        }
    }

    /** {@code 45s}, {@code 12m 5s}, {@code 3h 2m}. */
    static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m " + s % 60 + "s";
        }
        return s / 3600 + "h " + s % 3600 / 60 + "m";
    }
}
