package dev.ipv6boot.examples;

import dev.ipv6boot.examples.check.CheckCommand;
import dev.ipv6boot.examples.demo.DemoCommand;
import dev.ipv6boot.examples.importer.ImportCommand;
import dev.ipv6boot.examples.observe.StatusCommand;
import dev.ipv6boot.examples.serve.LeasesCommand;
import dev.ipv6boot.examples.serve.ReloadCommand;
import dev.ipv6boot.examples.serve.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ipv6boot} command line. */
@Command(name = "ipv6boot", mixinStandardHelpOptions = true, version = "ipv6boot 0.1.0-SNAPSHOT",
        description = "PXE-boot bare-metal servers over IPv6-only networks.",
        subcommands = {DemoCommand.class, ServeCommand.class, ReloadCommand.class, CheckCommand.class,
            ImportCommand.class, StatusCommand.class, LeasesCommand.class, DecodeCommand.class,
            CommandLine.HelpCommand.class})
public final class Ipv6bootCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Ipv6bootCommand());
    }
}
