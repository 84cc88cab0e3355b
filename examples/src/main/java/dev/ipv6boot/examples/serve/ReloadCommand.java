package dev.ipv6boot.examples.serve;

import dev.ipv6boot.examples.config.Translation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ipv6boot reload --config FILE}: checks the file, then sends SIGHUP to the {@code serve} whose pid file is in
 * the file's state directory. A file with errors is not sent: the running server would refuse it anyway.
 */
@Command(name = "reload", mixinStandardHelpOptions = true,
        description = {"Make a running 'ipv6boot serve' re-read its configuration (SIGHUP via the pid file in the"
                + " state directory), after checking the file.",
            "Exit status: 0 when signalled, 1 when no server is running, 2 when the configuration has errors."})
public final class ReloadCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "the YAML configuration")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var err = spec.commandLine().getErr();
        Translation t = ConfigFile.read(config, err);
        if (t == null || t.hasErrors()) {
            err.println("not reloaded: the configuration has errors");
            return 2;
        }
        Path pidFile = ConfigFile.pidFile(t);
        Optional<ProcessHandle> server = Files.isReadable(pidFile)
                ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())) : Optional.empty();
        if (server.isEmpty() || !server.get().isAlive()) {
            err.println("no running server: " + pidFile + (Files.exists(pidFile) ? " names a finished process" : " is missing"));
            return 1;
        }
        // the JDK has no API to send a signal to another process; kill(1) is in every Linux base system
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(server.get().pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            err.println("kill -HUP " + server.get().pid() + " failed");
            return 1;
        }
        spec.commandLine().getOut().println("sent SIGHUP to ipv6boot serve, pid " + server.get().pid());
        return 0;
    }
}
