package dev.ipv6boot.preseed;

import dev.ipv6boot.preseed.di.CryptedPassword;
import dev.ipv6boot.preseed.di.Preseed;
import dev.ipv6boot.preseed.kernel.KernelCommandLine;
import dev.ipv6boot.preseed.net.MacAddress;
import java.time.ZoneId;
import java.util.List;

/**
 * The seed deployment (test resources /seed) expressed as a profile: what its author meant, with the
 * mistakes validation reports corrected. Inputs only; nothing here is an expected output.
 */
public final class SeedProfiles {
    /** SHA-512 crypt of the seed's root password "ceph" ({@code openssl passwd -6 -salt Vq3Gd0w1 ceph}). */
    public static final CryptedPassword ROOT_HASH = new CryptedPassword(
            "$6$Vq3Gd0w1$a3c3tNwKK/Z6Mfi3e.QQsMgNvrXPGFmQXwDBpPbx2sWumAREwxetkrAHh4gjWCSQ1OtGsKhmszdBlmpNXoNMn0");

    private SeedProfiles() {
    }

    /** ubuntu1404.cfg as a typed preseed, in the seed's order and with its comments. */
    public static Preseed ubuntu1404Preseed() {
        return Preseed.builder()
                .comment("Language")
                .language("en")
                .locale("en_US.UTF-8")
                .preferredLocale("en_US.UTF-8")
                .supportedLocales(List.of("en_US.UTF-8"))
                .blank()
                .comment("Keyboard")
                .askDetectKeyboard(false)
                .keyboardLayoutCode("us")
                .keyboardModelCode("pc105")
                .blank()
                .comment("Network")
                .useAutoconfig(true)
                .dhcpv6Timeout(10)
                .hostname("this-host")
                .domain("example.net")
                .blank()
                .comment("Timezone")
                .timeZone(ZoneId.of("UTC"))
                .utcAuto(true)
                .hardwareClockUtc(true)
                .blank()
                .blank()
                .comment("Software")
                .debconfFrontend("Noninteractive")
                .installLanguageSupport(false)
                .tasks(List.of("standard", "ubuntu-server"))
                .blank()
                .comment("Storage")
                .partitionMethod(Preseed.PartitionMethod.REGULAR)
                .partitionDisk("/dev/sda")
                .partitionRecipe(Preseed.PartitionRecipe.ATOMIC)
                .confirmPartitioning()
                .blank()
                .comment("Mirror")
                .mirror("ubuntu.apt-get.eu", "/ubuntu", "")
                .blank()
                .comment("Users")
                .rootLogin(true)
                .makeUser(false)
                .rootPassword(ROOT_HASH)
                .encryptHome(false)
                .allowWeakPassword(true)
                .blank()
                .comment("No language support packages.")
                .blank()
                .comment("Additional packages")
                .includePackages(List.of("ssh", "acpid", "ntp", "resolvconf"))
                .blank()
                .comment("Security updates")
                .updatePolicy(Preseed.UpdatePolicy.UNATTENDED_UPGRADES)
                .blank()
                .comment("Upgrade")
                .upgrade(Preseed.Upgrade.FULL_UPGRADE)
                .blank()
                .comment("Update sshd_config to ensure root user is able to login")
                .lateCommand("sed -i 's/PermitRootLogin without-password/PermitRootLogin Yes/g' "
                        + "/target/etc/ssh/sshd_config")
                .blank()
                .comment("Bootloader")
                .grubOnlyDebian(true)
                .skipRebootMessage()
                .build();
    }

    /** The profile of ubuntu.cfg: Ubuntu 14.04's netboot kernel and initrd, the preseed on the boot server. */
    public static BootProfile ubuntu1404Profile() {
        return BootProfile.builder()
                .name("ubuntu-14.04")
                .installer(BootProfile.Installer.DEBIAN_INSTALLER)
                .release("trusty")
                .architecture("amd64")
                .kernel("/ubuntu-installer/amd64/linux")
                .initrd("/ubuntu-installer/amd64/initrd.gz")
                .answerUrl("http://[2001:db8::1]/preseed/ubuntu1404.cfg")
                .kernelArgument(KernelCommandLine.Argument.of("fb", "false"))
                .kernelArgument(KernelCommandLine.Argument.of("debconf/frontend", "noninteractive"))
                .preseed(ubuntu1404Preseed())
                .build();
    }

    /** The VirtualBox VM of the write-up, named alpha in ubuntu.cfg. */
    public static Machine alpha() {
        return Machine.of(MacAddress.parse("08:00:27:00:00:01"), "alpha", ubuntu1404Profile());
    }
}
