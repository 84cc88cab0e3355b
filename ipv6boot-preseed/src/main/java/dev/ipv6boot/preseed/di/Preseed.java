package dev.ipv6boot.preseed.di;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import dev.ipv6boot.preseed.validation.Validation;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Debian/Ubuntu installer preseed file: answers to debconf questions, one
 * {@code owner question type value} line each, with comments and free-form lines in between. Build one with
 * {@link #builder()}, whose methods are named after what they configure and take typed values, or read an
 * existing file with {@link #parse(String, String)}, which keeps every line and reports every mistake with
 * its line number.
 *
 * <pre>{@code
 * Preseed preseed = Preseed.builder()
 *         .locale("en_US.UTF-8")
 *         .useAutoconfig(true).dhcpv6Timeout(10)
 *         .hostname("node-1").domain("ceph.example.net")
 *         .timeZone(ZoneId.of("Etc/UTC"))
 *         .rootPassword(new CryptedPassword("$6$…"))
 *         .build();
 * String file = preseed.render();
 * }</pre>
 */
public final class Preseed {
    /** The owner of the installer's own questions. */
    public static final String INSTALLER = "d-i";

    private final List<PreseedLine> lines;
    /** The 1-based text line each model line starts on (they differ from index + 1 after a continuation). */
    private final List<Integer> lineNumbers;

    private Preseed(List<PreseedLine> lines) {
        this.lines = List.copyOf(lines);
        List<Integer> numbers = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            numbers.add(i + 1);
        }
        this.lineNumbers = List.copyOf(numbers);
    }

    private Preseed(List<PreseedLine> lines, List<Integer> lineNumbers) {
        this.lines = List.copyOf(lines);
        this.lineNumbers = List.copyOf(lineNumbers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads a preseed file; never throws for bad content. */
    public static Parsed parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        List<PreseedParser.Numbered> numbered = PreseedParser.split(text);
        Preseed preseed = new Preseed(numbered.stream().map(PreseedParser.Numbered::line).toList(),
                numbered.stream().map(PreseedParser.Numbered::lineNumber).toList());
        return new Parsed(preseed, PreseedValidator.validate(numbered, source));
    }

    /** A parsed file and what is wrong with it. */
    public record Parsed(Preseed preseed, Validation validation) {
    }

    public List<PreseedLine> lines() {
        return lines;
    }

    /** Every well-formed answer, in file order. */
    public List<PreseedLine.Selection> selections() {
        List<PreseedLine.Selection> out = new ArrayList<>();
        for (PreseedLine l : lines) {
            if (l instanceof PreseedLine.Selection s) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The line (1-based) where the last answer to {@code question} starts: in the parsed text, or in
     * {@link #render()} for a built preseed.
     */
    public java.util.OptionalInt lineOf(String question) {
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof PreseedLine.Selection s && s.question().equals(question)) {
                found = lineNumbers.get(i);
            }
        }
        return found < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(found);
    }

    /** The answer the installer ends up with for {@code question}: the last one, as debconf applies them. */
    public Optional<String> value(String question) {
        String found = null;
        for (PreseedLine.Selection s : selections()) {
            if (s.question().equals(question)) {
                found = s.value();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The file, one line each, LF line ends and a final line break. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (PreseedLine l : lines) {
            sb.append(l.render()).append('\n');
        }
        return sb.toString();
    }

    /** Validates this model; line numbers are those of the parsed text, or of {@link #render()} for a built one. */
    public Validation validate(String source) {
        List<PreseedParser.Numbered> numbered = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            numbered.add(new PreseedParser.Numbered(lines.get(i), lineNumbers.get(i)));
        }
        return PreseedValidator.validate(numbered, source);
    }

    /**
     * This preseed with per-machine answers: each question already answered gets the new value in place
     * (every occurrence); a new question is appended with the type of the installer's template.
     *
     * @throws InvalidInputException when a new question is not in {@link KnownQuestion} (its type is unknown)
     *                               or the result has an error
     */
    public Preseed withAnswers(Map<String, String> answers) {
        for (Map.Entry<String, String> e : answers.entrySet()) {
            if (e.getValue().endsWith("\\")) {
                throw InvalidInputException.of("preseed", "bad-value", e.getKey(),
                        "a value ending in a backslash joins the next line into it when the file is read");
            }
        }
        List<PreseedLine> out = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (PreseedLine l : lines) {
            if (l instanceof PreseedLine.Selection s && answers.containsKey(s.question())) {
                out.add(new PreseedLine.Selection(s.owner(), s.question(), s.type(), answers.get(s.question())));
                done.add(s.question());
            } else {
                out.add(l);
            }
        }
        for (Map.Entry<String, String> e : answers.entrySet()) {
            if (done.contains(e.getKey())) {
                continue;
            }
            DebconfType type = KnownQuestion.of(e.getKey()).flatMap(KnownQuestion::type).orElseThrow(() ->
                    InvalidInputException.of("preseed", "unknown-question", e.getKey(),
                            "no known type for a new answer; add it with Builder.answer(owner, question, type, value)"));
            out.add(PreseedLine.Selection.of(INSTALLER, e.getKey(), type, e.getValue()));
        }
        Preseed result = new Preseed(out);
        result.validate("preseed").orThrow();
        return result;
    }

    @Override
    public String toString() {
        return render();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preseed other && other.lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    /** d-i's automatic partitioning methods ({@code partman-auto/method}). */
    public enum PartitionMethod {
        REGULAR, LVM, CRYPTO;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** d-i's built-in partitioning recipes ({@code partman-auto/choose_recipe}). */
    public enum PartitionRecipe {
        /** Everything in one partition. */
        ATOMIC,
        /** A separate /home. */
        HOME,
        /** Separate /home, /var and /tmp. */
        MULTI;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the installed system takes updates ({@code pkgsel/update-policy}). */
    public enum UpdatePolicy {
        NONE("none"), UNATTENDED_UPGRADES("unattended-upgrades"), LANDSCAPE("landscape");

        private final String word;

        UpdatePolicy(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** Which upgrade runs after the base system is installed ({@code pkgsel/upgrade}). */
    public enum Upgrade {
        NONE("none"), SAFE_UPGRADE("safe-upgrade"), FULL_UPGRADE("full-upgrade");

        private final String word;

        Upgrade(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * Builds a preseed in the order its methods are called, so that a generated file reads like a
     * hand-written one (sections, comments). {@link #build()} refuses a file with an error.
     */
    public static final class Builder {
        private final List<PreseedLine> lines = new ArrayList<>();

        private Builder() {
        }

        // ---- free form ----

        public Builder comment(String text) {
            lines.add(new PreseedLine.Comment(text));
            return this;
        }

        public Builder blank() {
            lines.add(new PreseedLine.Blank());
            return this;
        }

        /** Any answer, for questions this builder has no method for. */
        public Builder answer(String owner, String question, DebconfType type, String value) {
            if (value.endsWith("\\")) {
                throw InvalidInputException.of("preseed", "bad-value", question,
                        "a value ending in a backslash joins the next line into it when the file is read");
            }
            lines.add(PreseedLine.Selection.of(owner, question, type, value));
            return this;
        }

        /** A line copied as is (checked like any other line by {@link #build()}). */
        public Builder raw(String line) {
            if (line.endsWith("\\")) {
                throw InvalidInputException.of("preseed", "bad-line", line,
                        "a line ending in a backslash joins the next line into it when the file is read");
            }
            lines.add(new PreseedLine.Raw(line));
            return this;
        }

        private Builder di(String question, DebconfType type, String value) {
            return answer(INSTALLER, question, type, value);
        }

        private Builder bool(String question, boolean value) {
            return di(question, DebconfType.BOOLEAN, Boolean.toString(value));
        }

        // ---- localisation ----

        public Builder language(String language) {
            return di("debian-installer/language", DebconfType.STRING, language);
        }

        public Builder locale(String locale) {
            return di("debian-installer/locale", DebconfType.STRING, locale);
        }

        public Builder preferredLocale(String locale) {
            return di("localechooser/preferred-locale", DebconfType.STRING, locale);
        }

        public Builder supportedLocales(List<String> locales) {
            return di("localechooser/supported-locales", DebconfType.MULTISELECT, String.join(", ", locales));
        }

        // ---- keyboard ----

        /** False stops the installer from asking the operator to press keys to detect the layout. */
        public Builder askDetectKeyboard(boolean ask) {
            return bool("console-setup/ask_detect", ask);
        }

        /** The XKB layout code ({@code us}, {@code de}): stable across releases, unlike the layout's description. */
        public Builder keyboardLayoutCode(String code) {
            return di("keyboard-configuration/layoutcode", DebconfType.STRING, code);
        }

        public Builder keyboardModelCode(String code) {
            return di("keyboard-configuration/modelcode", DebconfType.STRING, code);
        }

        // ---- network (netcfg) ----

        /** Whether netcfg configures the network automatically (DHCPv4, SLAAC, DHCPv6). */
        public Builder useAutoconfig(boolean use) {
            return bool("netcfg/use_autoconfig", use);
        }

        /** True turns off all automatic configuration, IPv6 included, and makes netcfg ask for a static address. */
        public Builder disableAutoconfig(boolean disable) {
            return bool("netcfg/disable_autoconfig", disable);
        }

        /**
         * {@code netcfg/disable_dhcp}, the name netcfg used before IPv6 for {@link #disableAutoconfig}; still
         * read by netcfg, and reported by validation as obsolete. True turns off IPv6 autoconfiguration too.
         */
        public Builder disableDhcp(boolean disable) {
            return bool("netcfg/disable_dhcp", disable);
        }

        /** Seconds netcfg waits for a DHCPv4 answer; short on an IPv6-only network, where none comes. */
        public Builder dhcpTimeout(int seconds) {
            return di("netcfg/dhcp_timeout", DebconfType.STRING, Integer.toString(nonNegative(seconds)));
        }

        /** Seconds netcfg waits for a DHCPv6 answer. */
        public Builder dhcpv6Timeout(int seconds) {
            return di("netcfg/dhcpv6_timeout", DebconfType.STRING, Integer.toString(nonNegative(seconds)));
        }

        public Builder chooseInterface(String name) {
            return di("netcfg/choose_interface", DebconfType.SELECT, name);
        }

        public Builder hostname(String hostname) {
            return di("netcfg/get_hostname", DebconfType.STRING, hostname);
        }

        public Builder domain(String domain) {
            return di("netcfg/get_domain", DebconfType.STRING, domain);
        }

        // ---- clock and time zone ----

        public Builder timeZone(ZoneId zone) {
            return di("time/zone", DebconfType.STRING, zone.getId());
        }

        /** Whether the installer decides by itself if the hardware clock runs on UTC. */
        public Builder utcAuto(boolean auto) {
            return bool("clock-setup/utc-auto", auto);
        }

        /** Whether the hardware clock runs on UTC. */
        public Builder hardwareClockUtc(boolean utc) {
            return bool("clock-setup/utc", utc);
        }

        public Builder ntp(boolean ntp) {
            return bool("clock-setup/ntp", ntp);
        }

        public Builder ntpServer(String host) {
            return di("clock-setup/ntp-server", DebconfType.STRING, host);
        }

        // ---- software ----

        /** The debconf front end of the installed system's package configuration ({@code Noninteractive}). */
        public Builder debconfFrontend(String frontend) {
            return answer("debconf", "debconf/frontend", DebconfType.SELECT, frontend);
        }

        public Builder installLanguageSupport(boolean install) {
            return bool("pkgsel/install-language-support", install);
        }

        /** tasksel tasks, such as {@code standard} and {@code ubuntu-server}. */
        public Builder tasks(List<String> tasks) {
            return answer("tasksel", "tasksel/first", DebconfType.MULTISELECT, String.join(", ", tasks));
        }

        /** Extra packages installed with the base system. */
        public Builder includePackages(List<String> packages) {
            for (String p : packages) {
                if (!p.matches("[a-z0-9][a-z0-9+.-]+")) {
                    throw InvalidInputException.of("preseed", "bad-value", p, "not a Debian package name");
                }
            }
            return di("pkgsel/include", DebconfType.STRING, String.join(" ", packages));
        }

        public Builder updatePolicy(UpdatePolicy policy) {
            return di("pkgsel/update-policy", DebconfType.SELECT, policy.word());
        }

        public Builder upgrade(Upgrade upgrade) {
            return di("pkgsel/upgrade", DebconfType.SELECT, upgrade.word());
        }

        // ---- storage ----

        public Builder partitionMethod(PartitionMethod method) {
            return di("partman-auto/method", DebconfType.STRING, method.word());
        }

        public Builder partitionDisk(String device) {
            if (!device.startsWith("/dev/")) {
                throw InvalidInputException.of("preseed", "bad-value", device, "a disk is a device such as /dev/sda");
            }
            return di("partman-auto/disk", DebconfType.STRING, device);
        }

        public Builder partitionRecipe(PartitionRecipe recipe) {
            return di("partman-auto/choose_recipe", DebconfType.SELECT, recipe.word());
        }

        /** A partman expert recipe, for layouts the built-in recipes do not cover. */
        public Builder expertRecipe(String recipe) {
            return di("partman-auto/expert_recipe", DebconfType.STRING, recipe);
        }

        /**
         * Confirms writing the partition table without asking: the four answers partman otherwise stops on
         * (new label, no overwrite warning, finish, confirm).
         */
        public Builder confirmPartitioning() {
            bool("partman/confirm_write_new_label", true);
            bool("partman/confirm_nooverwrite", true);
            di("partman/choose_partition", DebconfType.SELECT, "finish");
            return bool("partman/confirm", true);
        }

        // ---- mirror ----

        /**
         * A mirror entered by hand: {@code mirror/country manual}, host, directory and proxy (empty for none).
         * The host may be an IPv6 literal in brackets.
         */
        public Builder mirror(String host, String directory, String proxy) {
            di("mirror/country", DebconfType.STRING, "manual");
            di("mirror/http/hostname", DebconfType.STRING, host);
            di("mirror/http/directory", DebconfType.STRING, directory);
            return di("mirror/http/proxy", DebconfType.STRING, proxy);
        }

        // ---- accounts ----

        public Builder rootLogin(boolean enabled) {
            return bool("passwd/root-login", enabled);
        }

        public Builder makeUser(boolean make) {
            return bool("passwd/make-user", make);
        }

        public Builder rootPassword(CryptedPassword password) {
            return di("passwd/root-password-crypted", DebconfType.PASSWORD, password.hash());
        }

        /**
         * The root password in clear text (both questions). Prefer {@link #rootPassword(CryptedPassword)}:
         * validation warns about this one, as the file is served to the whole boot network.
         */
        public Builder rootPasswordPlainText(String password) {
            di("passwd/root-password", DebconfType.PASSWORD, password);
            return di("passwd/root-password-again", DebconfType.PASSWORD, password);
        }

        /** A first user account: full name, login and password hash. */
        public Builder user(String fullName, String username, CryptedPassword password) {
            if (!username.matches("[a-z_][a-z0-9_-]{0,31}")) {
                throw InvalidInputException.of("preseed", "bad-value", username, "not a login name");
            }
            bool("passwd/make-user", true);
            di("passwd/user-fullname", DebconfType.STRING, fullName);
            di("passwd/username", DebconfType.STRING, username);
            return di("passwd/user-password-crypted", DebconfType.PASSWORD, password.hash());
        }

        public Builder encryptHome(boolean encrypt) {
            return bool("user-setup/encrypt-home", encrypt);
        }

        public Builder allowWeakPassword(boolean allow) {
            return bool("user-setup/allow-password-weak", allow);
        }

        // ---- end of installation ----

        /** A shell command run at the end, with the installed system mounted on /target. */
        public Builder lateCommand(String command) {
            return di("preseed/late_command", DebconfType.STRING, command);
        }

        public Builder grubOnlyDebian(boolean only) {
            return bool("grub-installer/only_debian", only);
        }

        /** Skips the "installation complete" message, so the machine reboots by itself. */
        public Builder skipRebootMessage() {
            return di("finish-install/reboot_in_progress", DebconfType.NOTE, "");
        }

        /** The preseed; throws {@link InvalidInputException} listing every error. */
        public Preseed build() {
            Preseed preseed = new Preseed(lines);
            preseed.validate("preseed").orThrow();
            return preseed;
        }

        private static int nonNegative(int seconds) {
            if (seconds < 0) {
                throw InvalidInputException.of("preseed", "bad-value", Integer.toString(seconds), "negative timeout");
            }
            return seconds;
        }
    }
}
