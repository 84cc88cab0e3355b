package dev.ipv6boot.preseed.kernel;

import dev.ipv6boot.preseed.di.DebconfType;
import dev.ipv6boot.preseed.di.ValueCheck;
import dev.ipv6boot.preseed.net.BootUrl;
import dev.ipv6boot.preseed.validation.InvalidInputException;
import dev.ipv6boot.preseed.validation.Problem;
import dev.ipv6boot.preseed.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Linux kernel command line: {@code key} or {@code key=value} arguments in order. A value with spaces is
 * written in double quotes ({@code key="a b"}), the only quoting Linux understands; a value cannot contain a
 * double quote or a line break at all, and runs of white space are refused because iPXE, which joins its
 * words with single spaces, would collapse them.
 */
public final class KernelCommandLine {
    /** The most Linux x86 accepts ({@code COMMAND_LINE_SIZE}, 2048 bytes with the final NUL). */
    public static final int MAX_LENGTH = 2047;

    /** d-i's short names for questions on its command line (installation manual, appendix B.2.2). */
    static final Map<String, String> DI_ALIASES = Map.ofEntries(
            Map.entry("hostname", "netcfg/get_hostname"),
            Map.entry("domain", "netcfg/get_domain"),
            Map.entry("interface", "netcfg/choose_interface"),
            Map.entry("locale", "debian-installer/locale"),
            Map.entry("language", "debian-installer/language"),
            Map.entry("country", "debian-installer/country"),
            Map.entry("url", "preseed/url"),
            Map.entry("file", "preseed/file"),
            Map.entry("keymap", "keyboard-configuration/xkb-keymap"),
            Map.entry("priority", "debconf/priority"),
            Map.entry("fb", "debian-installer/framebuffer"),
            Map.entry("auto", "auto-install/enable"),
            Map.entry("theme", "debian-installer/theme"),
            Map.entry("protocol", "mirror/protocol"),
            Map.entry("suite", "mirror/suite"),
            Map.entry("desktop", "tasksel/desktop"),
            Map.entry("modules", "anna/choose_modules"),
            Map.entry("recommends", "base-installer/install-recommends"),
            Map.entry("classes", "auto-install/classes"));

    /** Kernel and installer-environment parameters that are not debconf questions. */
    private static final Set<String> KERNEL_PARAMETERS = Set.of("quiet", "splash", "console", "vga", "nomodeset",
            "initrd", "ip", "BOOTIF", "ramdisk_size", "root", "ro", "rw", "init", "panic", "loglevel", "debug",
            "earlyprintk", "mem", "maxcpus", "iommu", "intel_iommu", "amd_iommu", "nosmp", "noapic", "nolapic",
            "acpi", "irqpoll", "edd", "mitigations", "apparmor", "selinux", "fsck.mode", "biosdevname",
            "net.ifnames", "ipv6.disable", "---", "--", "DEBCONF_DEBUG", "BOOT_DEBUG", "INSTALL_MEDIA_DEV",
            "lowmem", "noshell", "toram", "ds", "autoinstall", "cloud-config-url", "boot", "netboot",
            "nfsroot", "rescue/enable", "DEBIAN_FRONTEND", "dhcpv6", "rootdelay", "nosplash", "text");

    private final List<Argument> arguments;

    private KernelCommandLine(List<Argument> arguments) {
        this.arguments = List.copyOf(arguments);
    }

    /**
     * One argument: a bare {@code key}, or {@code key=value}.
     *
     * @param key   the part before the first {@code =}
     * @param value the part after it, without the quotes Linux strips; empty when there is no {@code =}
     */
    public record Argument(String key, Optional<String> value) {
        public Argument {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (key.isEmpty() || key.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '=')) {
                throw InvalidInputException.of("kernel command line", "bad-argument", key,
                        "a key is one word without '=' or '\"'");
            }
            value.ifPresent(v -> {
                if (v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\t') >= 0
                        || v.contains("  ")) {
                    throw InvalidInputException.of("kernel command line", "bad-argument", key,
                            "a value cannot hold a double quote, a line break, a tab or a run of spaces: "
                                    + "the kernel has no escape for them");
                }
            });
        }

        public static Argument flag(String key) {
            return new Argument(key, Optional.empty());
        }

        public static Argument of(String key, String value) {
            return new Argument(key, Optional.of(value));
        }

        /** {@code key}, {@code key=value} or {@code key="value with spaces"}. */
        public String render() {
            if (value.isEmpty()) {
                return key;
            }
            String v = value.get();
            return v.indexOf(' ') >= 0 || v.isEmpty() ? key + "=\"" + v + "\"" : key + "=" + v;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Splits a command line as Linux does ({@code parse_args}): on white space outside double quotes; the
     * quotes around a value are removed. Never throws: an argument Linux would mangle is kept as a flag and
     * reported by {@link #validateForDebianInstaller}.
     */
    public static KernelCommandLine parse(String text) {
        List<Argument> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            while (i < n && (quoted || !Character.isWhitespace(text.charAt(i)))) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else {
                    word.append(c);
                }
                i++;
            }
            String w = word.toString().replaceAll("\\s+", " ");
            if (w.isBlank()) {
                continue; // "" on its own is an empty argument, which Linux ignores
            }
            int eq = w.indexOf('=');
            try {
                out.add(eq < 0 ? Argument.flag(w) : Argument.of(w.substring(0, eq), w.substring(eq + 1)));
            } catch (InvalidInputException e) {
                // "=x", or a value with a run of spaces: kept, visibly mangled, so that validation can name it
                out.add(Argument.flag(w.replaceAll("[\\s\"=]", "_")));
            }
        }
        return new KernelCommandLine(out);
    }

    /**
     * The arguments d-i needs to install unattended over IPv6 with answers fetched from {@code preseedUrl}:
     * {@code auto=true priority=critical preseed/url=…}, and every {@code netcfg/*} answer of the preseed
     * (with hostname and domain), because netcfg configures the network before the installer fetches the
     * file, so those answers only take effect here.
     *
     * @param answers the questions and values to repeat on the command line, typically
     *                {@code netcfg/*}, locale and keyboard answers of the preseed, in order
     */
    public static KernelCommandLine forDebianInstaller(BootUrl preseedUrl, Map<String, String> answers) {
        Builder b = builder().add("auto", "true").add("priority", "critical").add("preseed/url", preseedUrl.toString());
        for (Map.Entry<String, String> e : answers.entrySet()) {
            String key = switch (e.getKey()) {
                case "netcfg/get_hostname" -> "hostname";
                case "netcfg/get_domain" -> "domain";
                case "debian-installer/locale" -> "locale";
                default -> e.getKey();
            };
            b.add(key, e.getValue());
        }
        return b.build();
    }

    /**
     * The arguments Subiquity (Ubuntu 20.04 and later) needs to install unattended: {@code autoinstall} and
     * cloud-init's NoCloud data source with its seed URL ({@code ds=nocloud-net;s=http://[…]/dir/}, where
     * cloud-init fetches {@code user-data} and {@code meta-data}), plus {@code url=} of the live ISO when the
     * kernel and initrd come from a netboot tree rather than the ISO itself.
     */
    public static KernelCommandLine forSubiquity(BootUrl seedDirectory, Optional<BootUrl> liveIso) {
        String seed = seedDirectory.toString();
        if (!seed.endsWith("/")) {
            seed = seed + "/"; // cloud-init appends "user-data" to the seed URL as is
        }
        Builder b = builder();
        liveIso.ifPresent(iso -> b.add("url", iso.toString()));
        b.flag("autoinstall");
        // ';' separates the data source from its settings; iPXE passes it through, GRUB would need '\;'
        b.add("ds", "nocloud-net;s=" + seed);
        return b.build();
    }

    public List<Argument> arguments() {
        return arguments;
    }

    /** The value of the last {@code key=} argument, as the kernel and d-i apply them. */
    public Optional<String> value(String key) {
        Optional<String> found = Optional.empty();
        for (Argument a : arguments) {
            if (a.key().equals(key) && a.value().isPresent()) {
                found = a.value();
            }
        }
        return found;
    }

    public boolean has(String key) {
        return arguments.stream().anyMatch(a -> a.key().equals(key));
    }

    /** This command line followed by {@code more}. */
    public KernelCommandLine with(List<Argument> more) {
        List<Argument> all = new ArrayList<>(arguments);
        all.addAll(more);
        return new KernelCommandLine(all);
    }

    /** The words as iPXE's {@code kernel} command takes them (a quoted value with spaces spans words). */
    public List<String> words() {
        String r = render();
        return r.isEmpty() ? List.of() : List.of(r.split(" "));
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Argument a : arguments) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(a.render());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KernelCommandLine other && other.arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
        return arguments.hashCode();
    }

    /** The debconf question an argument answers, through d-i's aliases; empty for kernel parameters. */
    public static Optional<String> questionOf(String key) {
        if (DI_ALIASES.containsKey(key)) {
            return Optional.of(DI_ALIASES.get(key));
        }
        return key.contains("/") && !key.startsWith("/") ? Optional.of(key) : Optional.empty();
    }

    /**
     * Checks the command line as d-i reads it: {@code question=value} or an alias; a bare question sets
     * nothing, a type word ({@code boolean=true}) sets nothing either, values must fit their question, and
     * workarounds for virtual machines hurt real servers.
     *
     * @param source for the problems, e.g. {@code "ubuntu.cfg"}
     * @param line   the line the command line is on in {@code source}, 0 if none
     */
    public Validation validateForDebianInstaller(String source, int line) {
        List<Problem> problems = new ArrayList<>();
        if (render().length() > MAX_LENGTH) {
            problems.add(Problem.error(source, line, "too-long", "kernel command line", render().length()
                    + " characters; Linux keeps only the first " + MAX_LENGTH));
        }
        for (Argument a : arguments) {
            String key = a.key();
            String shown = a.render();
            if (a.value().isEmpty() && key.contains("/")) {
                problems.add(Problem.error(source, line, "missing-value", shown, "a question on the kernel command "
                        + "line needs '=value' (" + key + "=…); alone it sets nothing"));
                continue;
            }
            if (DebconfType.isTypeOrFlag(key)) {
                problems.add(Problem.error(source, line, "type-on-kernel-line", shown, "'" + key + "' is a debconf "
                        + "type, not a question: this sets nothing. The kernel command line takes question=value "
                        + "without the type (as in netcfg/disable_autoconfig=true)"));
                continue;
            }
            if (Set.of("acpi", "noapic", "nolapic", "irqpoll").contains(key)
                    && (!key.equals("acpi") || a.value().map("off"::equals).orElse(false))) {
                problems.add(Problem.warning(source, line, "vm-workaround", shown, "a workaround for old virtual "
                        + "machines: on a real server it leaves one CPU and no ACPI (UEFI machines need ACPI to boot "
                        + "at all); remove it"));
                continue;
            }
            if (key.equals("ipv6.disable") && a.value().map("1"::equals).orElse(false)) {
                problems.add(Problem.error(source, line, "ipv6-disabled", shown,
                        "turns IPv6 off on an IPv6-only network"));
                continue;
            }
            Optional<String> question = questionOf(key);
            if (question.isPresent()) {
                if (a.value().isPresent()) {
                    String q = question.get();
                    int before = problems.size();
                    for (ValueCheck.Finding f : ValueCheck.check(q, null, a.value().get())) {
                        // on the kernel line debconf/frontend names cdebconf's front ends, which are lower case
                        if (q.equals("debconf/frontend") && f.code().equals("bad-choice")) {
                            continue;
                        }
                        problems.add(new Problem(f.severity(), source, line, f.code(), shown, f.message()));
                    }
                    if (problems.size() == before) {
                        checkUrls(a, shown, source, line, problems);
                    }
                }
                continue;
            }
            checkUrls(a, shown, source, line, problems);
            if (!KERNEL_PARAMETERS.contains(key) && !key.contains(".")) {
                problems.add(Problem.warning(source, line, "unknown-argument", shown, "neither a kernel parameter "
                        + "nor a d-i question (question=value) or alias (hostname=, locale=, url=…); the kernel "
                        + "hands it to the installer's init, which ignores it"));
            }
        }
        return Validation.of(problems);
    }

    private static void checkUrls(Argument a, String shown, String source, int line, List<Problem> problems) {
        for (String url : BootUrl.findUrls(a.value().orElse(""))) {
            if (url.contains("${")) {
                continue; // expanded by iPXE first
            }
            try {
                BootUrl.parse(url);
            } catch (InvalidInputException e) {
                Problem p = e.validation().problems().get(0);
                problems.add(Problem.error(source, line, p.code(), shown, p.message()));
            }
        }
    }

    /** Builds a command line in order. */
    public static final class Builder {
        private final List<Argument> arguments = new ArrayList<>();

        private Builder() {
        }

        public Builder add(String key, String value) {
            arguments.add(Argument.of(key, value));
            return this;
        }

        public Builder flag(String key) {
            arguments.add(Argument.flag(key));
            return this;
        }

        public Builder add(Argument argument) {
            arguments.add(Objects.requireNonNull(argument, "argument"));
            return this;
        }

        public KernelCommandLine build() {
            KernelCommandLine line = new KernelCommandLine(arguments);
            if (line.render().length() > MAX_LENGTH) {
                throw InvalidInputException.of("kernel command line", "too-long", "kernel command line",
                        line.render().length() + " characters; Linux keeps only the first " + MAX_LENGTH);
            }
            return line;
        }
    }
}
