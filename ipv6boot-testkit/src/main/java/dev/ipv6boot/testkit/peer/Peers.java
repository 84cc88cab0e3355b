package dev.ipv6boot.testkit.peer;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Preconditions of peer tests. Outside CI a missing precondition skips the test with the reason; with
 * {@code CI=true} it fails the test, because CI installs every peer and a skip there would hide a gap.
 */
public final class Peers {
    private Peers() {
    }

    /** True when running under CI ({@code CI=true}). */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Requires root (network namespaces, raw sockets, privileged ports). */
    public static void requireRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            unavailable("needs root to create network namespaces (running as " + System.getProperty("user.name") + ")");
        }
    }

    /** Requires root and every named program on the PATH (or /usr/sbin, /sbin). */
    public static void require(String... programs) {
        requireRoot();
        List<String> missing = new ArrayList<>();
        for (String program : programs) {
            if (which(program) == null) {
                missing.add(program);
            }
        }
        if (!missing.isEmpty()) {
            unavailable("peer program(s) not installed: " + String.join(", ", missing)
                    + " (bash .ci/run installs them with apt-get)");
        }
    }

    /** The absolute path of a program, or null. */
    public static String which(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/local/bin"));
        for (String dir : dirs) {
            File candidate = new File(dir, program);
            if (!dir.isEmpty() && candidate.isFile() && candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return null;
    }

    /** Skips the test, or fails it under CI. */
    public static void unavailable(String reason) {
        if (inCi()) {
            Assertions.fail("CI=true and a peer test cannot run: " + reason);
        }
        Assumptions.abort(reason);
    }
}
