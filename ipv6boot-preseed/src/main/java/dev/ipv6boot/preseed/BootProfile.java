package dev.ipv6boot.preseed;

import dev.ipv6boot.preseed.di.Preseed;
import dev.ipv6boot.preseed.kernel.KernelCommandLine;
import dev.ipv6boot.preseed.net.BootUrl;
import dev.ipv6boot.preseed.net.MacAddress;
import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a class of machines is installed: which installer, which kernel and initrd, where the answers are
 * served and what they are. A {@link Machine} combines a profile with its MAC and host name and renders
 * the files.
 *
 * <p>The answer URL is a template: {@code {mac}} becomes the machine's MAC as {@code 52-54-00-12-34-56} and
 * {@code {hostname}} its host name, so that one profile serves a file per machine
 * ({@code http://[2001:db8::1]/preseed/{mac}.cfg}); for Subiquity it is the NoCloud seed directory.
 */
public final class BootProfile {
    /** Which installer the kernel and initrd start. */
    public enum Installer {
        /** Debian and Ubuntu up to 20.04 (legacy images): the d-i, answered by a preseed file. */
        DEBIAN_INSTALLER,
        /** Ubuntu 20.04 and later: Subiquity, answered by autoinstall through cloud-init. */
        SUBIQUITY
    }

    /** Where a profile's installer answers come from. */
    public sealed interface Answers {
        /** A hand-written d-i preseed; each machine's host name (and overrides) replace its answers. */
        record Template(Preseed preseed) implements Answers {
            public Template {
                Objects.requireNonNull(preseed, "preseed");
            }
        }

        /** An installer-neutral spec, rendered as a preseed or an autoinstall. */
        record Spec(InstallSpec spec) implements Answers {
            public Spec {
                Objects.requireNonNull(spec, "spec");
            }
        }
    }

    private final String name;
    private final Installer installer;
    private final String release;
    private final String architecture;
    private final String kernelUrl;
    private final String initrdUrl;
    private final String answerUrl;
    private final Optional<BootUrl> liveIso;
    private final List<KernelCommandLine.Argument> kernelArguments;
    private final Answers answers;
    private final int retries;

    private BootProfile(Builder b) {
        this.name = b.name;
        this.installer = b.installer;
        this.release = b.release;
        this.architecture = b.architecture;
        this.kernelUrl = b.kernelUrl;
        this.initrdUrl = b.initrdUrl;
        this.answerUrl = b.answerUrl;
        this.liveIso = Optional.ofNullable(b.liveIso);
        this.kernelArguments = List.copyOf(b.kernelArguments);
        this.answers = b.answers;
        this.retries = b.retries;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    public Installer installer() {
        return installer;
    }

    public String release() {
        return release;
    }

    public String architecture() {
        return architecture;
    }

    public String kernelUrl() {
        return kernelUrl;
    }

    public String initrdUrl() {
        return initrdUrl;
    }

    public String answerUrlTemplate() {
        return answerUrl;
    }

    public Optional<BootUrl> liveIso() {
        return liveIso;
    }

    public List<KernelCommandLine.Argument> kernelArguments() {
        return kernelArguments;
    }

    public Answers answers() {
        return answers;
    }

    public int retries() {
        return retries;
    }

    /** The answer URL of one machine. */
    public BootUrl answerUrl(MacAddress mac, String hostname) {
        return BootUrl.parse(answerUrl.replace("{mac}", mac.hexhyp()).replace("{hostname}", hostname));
    }

    @Override
    public String toString() {
        return "BootProfile[" + name + ", " + installer + " " + release + "/" + architecture + "]";
    }

    /** Builds a profile; checks that installer and answers fit together. */
    public static final class Builder {
        private String name;
        private Installer installer;
        private String release = "";
        private String architecture = "amd64";
        private String kernelUrl;
        private String initrdUrl;
        private String answerUrl;
        private BootUrl liveIso;
        private final List<KernelCommandLine.Argument> kernelArguments = new ArrayList<>();
        private Answers answers;
        private int retries;

        private Builder() {
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder installer(Installer v) {
            installer = v;
            return this;
        }

        /** The OS release, such as {@code trusty} or {@code 24.04}; informative. */
        public Builder release(String v) {
            release = v;
            return this;
        }

        public Builder architecture(String v) {
            architecture = v;
            return this;
        }

        /** The kernel: an absolute URL, or a path iPXE resolves against the script's own URL. */
        public Builder kernel(String url) {
            kernelUrl = url;
            return this;
        }

        public Builder initrd(String url) {
            initrdUrl = url;
            return this;
        }

        /** The URL template of the answers ({@code {mac}}, {@code {hostname}} are replaced per machine). */
        public Builder answerUrl(String template) {
            answerUrl = template;
            return this;
        }

        /** Subiquity: the live server ISO, when kernel and initrd are not taken from it by the firmware. */
        public Builder liveIso(BootUrl iso) {
            liveIso = iso;
            return this;
        }

        /** Extra kernel arguments every machine of the profile gets (e.g. {@code console=ttyS1,115200n8}). */
        public Builder kernelArgument(KernelCommandLine.Argument argument) {
            kernelArguments.add(Objects.requireNonNull(argument, "argument"));
            return this;
        }

        public Builder answers(Answers v) {
            answers = v;
            return this;
        }

        public Builder preseed(Preseed template) {
            return answers(new Answers.Template(template));
        }

        public Builder spec(InstallSpec spec) {
            return answers(new Answers.Spec(spec));
        }

        /** How often the script retries each download before giving up ({@code exit 1}); 0 for no retry loop. */
        public Builder retries(int v) {
            if (v < 0) {
                throw InvalidInputException.of("boot profile", "bad-value", "retries", "negative");
            }
            retries = v;
            return this;
        }

        public BootProfile build() {
            require(name, "name");
            require(installer, "installer");
            require(kernelUrl, "kernel");
            require(initrdUrl, "initrd");
            require(answerUrl, "answerUrl");
            require(answers, "answers");
            if (installer == Installer.SUBIQUITY && answers instanceof Answers.Template) {
                throw InvalidInputException.of("boot profile", "wrong-answers", name,
                        "Subiquity reads autoinstall, not a d-i preseed; give an InstallSpec");
            }
            // fails early on a template that cannot make a URL, e.g. an unbracketed IPv6 host
            BootUrl.parse(answerUrl.replace("{mac}", "00-00-00-00-00-00").replace("{hostname}", "host"));
            if (!architecture.matches("[a-z0-9_]+")) {
                throw InvalidInputException.of("boot profile", "bad-value", architecture, "not an architecture name");
            }
            return new BootProfile(this);
        }

        private void require(Object v, String what) {
            if (v == null) {
                throw InvalidInputException.of("boot profile", "missing", what, "required");
            }
        }
    }
}
