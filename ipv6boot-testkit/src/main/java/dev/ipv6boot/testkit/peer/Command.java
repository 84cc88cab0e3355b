package dev.ipv6boot.testkit.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion with a time bound; output is captured, never inherited. */
public final class Command {
    private Command() {
    }

    /** What a finished command left behind. */
    public record Result(List<String> command, int exitCode, String output) {
        public Result orThrow() {
            if (exitCode != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    /** Runs {@code command} (stdout and stderr merged), killing it after {@code timeout}. */
    public static Result run(Duration timeout, List<String> command) {
        Path output = null;
        try {
            output = Files.createTempFile("ipv6boot-cmd", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            return new Result(command, finished ? process.exitValue() : -1,
                    finished ? text : text + "\n[killed after " + timeout + "]");
        } catch (IOException e) {
            return new Result(command, -1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(command, -1, e.toString());
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    public static Result run(Duration timeout, String... command) {
        return run(timeout, List.of(command));
    }
}
