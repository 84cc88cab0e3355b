package dev.ipv6boot.preseed;

import dev.ipv6boot.preseed.autoinstall.Autoinstall;
import dev.ipv6boot.preseed.di.Preseed;
import dev.ipv6boot.preseed.di.PreseedLine;
import dev.ipv6boot.preseed.ipxe.IpxeCommand;
import dev.ipv6boot.preseed.ipxe.IpxeScript;
import dev.ipv6boot.preseed.kernel.KernelCommandLine;
import dev.ipv6boot.preseed.net.BootUrl;
import dev.ipv6boot.preseed.net.DnsNames;
import dev.ipv6boot.preseed.net.MacAddress;
import dev.ipv6boot.preseed.validation.InvalidInputException;
import dev.ipv6boot.preseed.validation.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One machine: its MAC (its identity on the boot network), host name, profile, and per-machine overrides.
 * Renders everything the machine fetches: {@link #ipxeScript()}, then {@link #preseed()} or
 * {@link #autoinstall()}, with {@link #kernelCommandLine()} pointing the installer at {@link #answerUrl()}.
 * These are plain strings and models, so an HTTP server can render them on request for a path such as
 * {@code /boot/52-54-00-12-34-56.ipxe}.
 *
 * @param mac              the MAC of the interface it boots from
 * @param hostname         its host name (one label; the domain comes from the answers)
 * @param profile          how it is installed
 * @param preseedOverrides debconf answers that differ for this machine ({@code partman-auto/disk}), d-i only
 * @param kernelArguments  kernel arguments only this machine gets (e.g. a serial console)
 */
public record Machine(MacAddress mac, String hostname, BootProfile profile, Map<String, String> preseedOverrides,
                      List<KernelCommandLine.Argument> kernelArguments) {

    public Machine {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(profile, "profile");
        if (!DnsNames.isHostLabel(hostname)) {
            throw InvalidInputException.of("machine", "bad-value", String.valueOf(hostname),
                    "not a host name (one label of letters, digits and hyphens)");
        }
        // kept in the caller's order: new answers are appended to the preseed in this order
        preseedOverrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(preseedOverrides));
        kernelArguments = List.copyOf(kernelArguments);
        if (!preseedOverrides.isEmpty() && profile.installer() != BootProfile.Installer.DEBIAN_INSTALLER) {
            throw InvalidInputException.of("machine", "wrong-answers", hostname,
                    "preseed overrides need a d-i profile");
        }
    }

    public static Machine of(MacAddress mac, String hostname, BootProfile profile) {
        return new Machine(mac, hostname, profile, Map.of(), List.of());
    }

    /** Where this machine's installer fetches its answers (for Subiquity, the NoCloud seed directory). */
    public BootUrl answerUrl() {
        return profile.answerUrl(mac, hostname);
    }

    /** The d-i preseed of this machine; only for {@link BootProfile.Installer#DEBIAN_INSTALLER} profiles. */
    public Preseed preseed() {
        if (profile.installer() != BootProfile.Installer.DEBIAN_INSTALLER) {
            throw InvalidInputException.of("machine", "wrong-installer", hostname,
                    "profile " + profile.name() + " installs with Subiquity; use autoinstall()");
        }
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("netcfg/get_hostname", hostname);
        answers.putAll(preseedOverrides);
        if (profile.answers() instanceof BootProfile.Answers.Template t) {
            return t.preseed().withAnswers(answers);
        }
        InstallSpec spec = ((BootProfile.Answers.Spec) profile.answers()).spec();
        return Renderings.preseed(spec, hostname, mac).withAnswers(answers);
    }

    /** The Subiquity autoinstall of this machine; only for {@link BootProfile.Installer#SUBIQUITY} profiles. */
    public Autoinstall autoinstall() {
        if (profile.installer() != BootProfile.Installer.SUBIQUITY
                || !(profile.answers() instanceof BootProfile.Answers.Spec s)) {
            throw InvalidInputException.of("machine", "wrong-installer", hostname,
                    "profile " + profile.name() + " installs with d-i; use preseed()");
        }
        return Renderings.autoinstall(s.spec(), hostname, mac);
    }

    /**
     * The kernel command line: for d-i, {@code auto=true priority=critical preseed/url=…} and the preseed's
     * network, locale and keyboard answers (netcfg runs before the preseed is fetched, so only the command line
     * can set them); for Subiquity, {@code autoinstall ds=nocloud-net;s=…}. Then the profile's and this
     * machine's extra arguments, and {@code initrd=<name>} for UEFI.
     */
    public KernelCommandLine kernelCommandLine() {
        KernelCommandLine base;
        if (profile.installer() == BootProfile.Installer.DEBIAN_INSTALLER) {
            Map<String, String> early = new LinkedHashMap<>();
            for (PreseedLine.Selection s : preseed().selections()) {
                String q = s.question();
                if (q.startsWith("netcfg/") || q.equals("debian-installer/locale") || q.startsWith("console-setup/")
                        || q.startsWith("keyboard-configuration/")) {
                    early.put(q, s.value());
                }
            }
            base = KernelCommandLine.forDebianInstaller(answerUrl(), early);
        } else {
            base = KernelCommandLine.forSubiquity(answerUrl(), profile.liveIso());
        }
        String initrdName = lastSegment(profile.initrdUrl());
        return base.with(profile.kernelArguments()).with(kernelArguments)
                .with(List.of(KernelCommandLine.Argument.of("initrd", initrdName)));
    }

    /** The iPXE script: kernel with its command line, initrd, boot (each download retried if the profile says so). */
    public IpxeScript ipxeScript() {
        IpxeCommand kernel = IpxeCommand.Kernel.of(profile.kernelUrl(), kernelCommandLine().words());
        IpxeCommand initrd = IpxeCommand.Initrd.of(profile.initrdUrl());
        IpxeScript.Builder b = IpxeScript.builder().blank();
        if (profile.retries() > 0) {
            IpxeCommand giveUp = IpxeCommand.Other.of("exit", "1");
            b.retry(profile.retries(), 5, kernel, giveUp).retry(profile.retries(), 5, initrd, giveUp);
        } else {
            b.command(kernel).command(initrd);
        }
        return b.boot().build();
    }

    /**
     * What this machine fetches after its iPXE script, by URL path, for an HTTP server's dynamic paths: the
     * preseed at the path of {@link #answerUrl()}, or {@code user-data}, {@code meta-data} and an empty
     * {@code vendor-data} in the NoCloud seed directory (cloud-init asks for all three).
     */
    public Map<String, String> answerFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        String path = answerUrl().path();
        if (profile.installer() == BootProfile.Installer.DEBIAN_INSTALLER) {
            files.put(path, preseed().render());
        } else {
            String dir = path.endsWith("/") ? path : path + "/";
            Autoinstall a = autoinstall();
            files.put(dir + "user-data", a.userData());
            files.put(dir + "meta-data", a.metaData());
            files.put(dir + "vendor-data", "");
        }
        return files;
    }

    /**
     * Validates everything this machine would fetch, together: the iPXE script, the kernel command line as
     * d-i reads it, the preseed, and the consistency between command line and preseed.
     */
    public Validation validate() {
        String scriptName = mac.hexhyp() + ".ipxe";
        if (profile.installer() == BootProfile.Installer.DEBIAN_INSTALLER) {
            return BootCheck.check(ipxeScript().render(), scriptName, preseed().render(), hostname + ".cfg");
        }
        return ipxeScript().validate(scriptName);
    }

    private static String lastSegment(String uri) {
        int slash = uri.lastIndexOf('/');
        return slash < 0 ? uri : uri.substring(slash + 1);
    }
}
