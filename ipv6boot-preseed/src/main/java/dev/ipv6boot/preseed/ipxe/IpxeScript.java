package dev.ipv6boot.preseed.ipxe;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import dev.ipv6boot.preseed.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An iPXE script: the {@code #!ipxe} magic line followed by {@link IpxeLine}s. Build one with
 * {@link #builder()} (which refuses a script iPXE would reject), or read an existing one with
 * {@link #parse(String, String)}, which reports every problem with its line number instead of throwing.
 *
 * <pre>{@code
 * IpxeScript script = IpxeScript.builder()
 *         .kernel("http://[2001:db8::1]/ubuntu/linux", List.of("auto", "initrd=initrd.gz"))
 *         .initrd("http://[2001:db8::1]/ubuntu/initrd.gz")
 *         .boot()
 *         .build();
 * }</pre>
 */
public final class IpxeScript {
    /** The magic first line iPXE looks for. */
    public static final String MAGIC = "#!ipxe";

    private final List<IpxeLine> lines;

    IpxeScript(List<IpxeLine> lines) {
        this.lines = List.copyOf(lines);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a script; never throws for bad content.
     *
     * @param text   the script, lines separated by LF or CRLF
     * @param source a name for problem reports, such as the file name
     */
    public static Parsed parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        return IpxeScriptParser.parse(text, source);
    }

    /**
     * The script each machine runs first: it chains to the script named after the MAC address of the
     * interface it booted from ({@code <base>/${netX/mac:hexhyp}.ipxe}, where iPXE's {@code netX} is the most
     * recently opened interface, the one that just fetched this script), retrying a few times, and returns to
     * the firmware with an error when no script exists so that the next boot device is tried.
     *
     * @param scriptDirectory where the per-machine scripts are served, e.g. {@code http://[2001:db8::1]/boot}
     *                        or a path relative to this script such as {@code /boot}
     * @param interfaceName   the iPXE interface whose MAC names the script: {@code netX} (booted interface)
     *                        or {@code net0}
     */
    public static IpxeScript chainByMac(String scriptDirectory, String interfaceName) {
        String dir = scriptDirectory.endsWith("/") ? scriptDirectory.substring(0, scriptDirectory.length() - 1)
                : scriptDirectory;
        String mac = "${" + interfaceName + "/mac:hexhyp}";
        return builder()
                .comment("Each machine continues with the script named after its MAC address.")
                .retry(3, 5, new IpxeCommand.Chain(dir + "/" + mac + ".ipxe", List.of(), true, true),
                        new IpxeCommand.Echo("No boot script for ${" + interfaceName + "/mac}, trying the next boot device"),
                        IpxeCommand.Other.of("exit", "1"))
                .build();
    }

    public List<IpxeLine> lines() {
        return lines;
    }

    /** Every command of the script, in order, including each command of an {@code &&}/{@code ||} line. */
    public List<IpxeCommand> commands() {
        List<IpxeCommand> all = new ArrayList<>();
        for (IpxeLine l : lines) {
            if (l instanceof IpxeLine.Statement s) {
                all.addAll(s.commands());
            }
        }
        return all;
    }

    /** The script as served: magic line, one line each, LF line ends, a final line break. */
    public String render() {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        for (IpxeLine l : lines) {
            sb.append(l.render()).append('\n');
        }
        return sb.toString();
    }

    /** Validates the rendered script as iPXE would read it. */
    public Validation validate(String source) {
        return parse(render(), source).validation();
    }

    @Override
    public String toString() {
        return render();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpxeScript other && other.lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    /** A parsed script and what is wrong with it. */
    public record Parsed(IpxeScript script, Validation validation) {
    }

    /** Builds a script line by line. */
    public static final class Builder {
        private final List<IpxeLine> lines = new ArrayList<>();
        private int retries;

        private Builder() {
        }

        public Builder line(IpxeLine line) {
            lines.add(Objects.requireNonNull(line, "line"));
            return this;
        }

        public Builder comment(String text) {
            return line(new IpxeLine.Comment(text));
        }

        public Builder blank() {
            return line(new IpxeLine.Blank());
        }

        public Builder label(String name) {
            return line(new IpxeLine.Label(name));
        }

        public Builder command(IpxeCommand command) {
            return line(IpxeLine.Statement.of(command));
        }

        public Builder statement(IpxeLine.Statement statement) {
            return line(statement);
        }

        public Builder kernel(String uri, List<String> arguments) {
            return command(IpxeCommand.Kernel.of(uri, arguments));
        }

        public Builder initrd(String uri) {
            return command(IpxeCommand.Initrd.of(uri));
        }

        public Builder boot() {
            return command(new IpxeCommand.Boot());
        }

        public Builder chain(String uri) {
            return command(IpxeCommand.Chain.of(uri));
        }

        public Builder set(String setting, String value) {
            return command(new IpxeCommand.Set(setting, value));
        }

        public Builder echo(String text) {
            return command(new IpxeCommand.Echo(text));
        }

        public Builder jump(String label) {
            return command(new IpxeCommand.Goto(label));
        }

        public Builder sleep(int seconds) {
            return command(new IpxeCommand.Sleep(seconds));
        }

        /**
         * Runs {@code command} up to {@code attempts} times, sleeping {@code pauseSeconds} between tries; when
         * every try failed it runs {@code onFailure} (typically {@code exit 1}, which hands the machine back
         * to the firmware's next boot device). Expands to a counter, a label and a loop, the usual iPXE idiom:
         * iPXE has no retry option of its own, and a failed download otherwise ends the script.
         */
        public Builder retry(int attempts, int pauseSeconds, IpxeCommand command, IpxeCommand... onFailure) {
            if (attempts < 1) {
                throw InvalidInputException.of("iPXE script", "bad-argument", "retry", "attempts must be at least 1");
            }
            retries++;
            String counter = "attempt" + retries;
            String again = "retry" + retries;
            String done = "retry" + retries + "_done";
            String failed = "retry" + retries + "_failed";
            set(counter + ":int32", "0");
            label(again);
            statement(IpxeLine.Statement.of(command).and(new IpxeCommand.Goto(done)).orContinue());
            command(new IpxeCommand.Inc(counter));
            statement(IpxeLine.Statement.of(new IpxeCommand.IsEq("${" + counter + "}", Integer.toString(attempts)))
                    .and(new IpxeCommand.Goto(failed)).orContinue());
            sleep(pauseSeconds);
            jump(again);
            label(failed);
            for (IpxeCommand c : onFailure) {
                command(c);
            }
            label(done);
            return this;
        }

        /** The script; throws {@link InvalidInputException} listing every error iPXE would hit. */
        public IpxeScript build() {
            IpxeScript script = new IpxeScript(lines);
            script.validate("iPXE script").orThrow();
            return script;
        }
    }
}
