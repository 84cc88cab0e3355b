package dev.ipv6boot.preseed;

import dev.ipv6boot.preseed.di.CryptedPassword;
import dev.ipv6boot.preseed.kernel.KernelCommandLine;
import dev.ipv6boot.preseed.net.BootUrl;
import dev.ipv6boot.preseed.net.MacAddress;
import java.time.ZoneId;
import java.util.List;

/** Installer-neutral profiles for the tests: one spec, rendered for d-i and for Subiquity. */
final class SpecProfiles {
    static final CryptedPassword HASH = SeedProfiles.ROOT_HASH;

    private SpecProfiles() {
    }

    static InstallSpec spec() {
        return InstallSpec.builder()
                .domain("ceph.example.net")
                .timeZone(ZoneId.of("Europe/Amsterdam"))
                .mirror(BootUrl.http("2001:db8::1", "/ubuntu"))
                .user("ops", "Operations", HASH)
                .sshKeys(List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGxq ops@example.net"))
                .packages(List.of("ceph-common", "chrony"))
                .lateCommands(List.of("echo done > /target/root/installed"))
                .disk("/dev/sda")
                .build();
    }

    static BootProfile debian() {
        return BootProfile.builder()
                .name("debian-12")
                .installer(BootProfile.Installer.DEBIAN_INSTALLER)
                .release("bookworm")
                .kernel("http://[2001:db8::1]/debian/bookworm/amd64/linux")
                .initrd("http://[2001:db8::1]/debian/bookworm/amd64/initrd.gz")
                .answerUrl("http://[2001:db8::1]/preseed/{mac}.cfg")
                .kernelArgument(KernelCommandLine.Argument.of("console", "ttyS1,115200n8"))
                .spec(spec())
                .retries(3)
                .build();
    }

    static BootProfile ubuntu() {
        return BootProfile.builder()
                .name("ubuntu-24.04")
                .installer(BootProfile.Installer.SUBIQUITY)
                .release("24.04")
                .kernel("http://[2001:db8::1]/ubuntu/noble/vmlinuz")
                .initrd("http://[2001:db8::1]/ubuntu/noble/initrd")
                .answerUrl("http://[2001:db8::1]/autoinstall/{mac}/")
                .liveIso(BootUrl.http("2001:db8::1", "/iso/ubuntu-24.04-live-server-amd64.iso"))
                .spec(spec())
                .build();
    }

    static Machine node(int n, BootProfile profile) {
        return Machine.of(MacAddress.parse(String.format("52:54:00:00:00:%02x", n)), "node-" + n, profile);
    }
}
