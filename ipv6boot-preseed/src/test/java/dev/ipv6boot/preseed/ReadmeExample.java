package dev.ipv6boot.preseed;

import dev.ipv6boot.preseed.di.CryptedPassword;
import dev.ipv6boot.preseed.net.BootUrl;
import dev.ipv6boot.preseed.net.MacAddress;
import java.time.ZoneId;

/** The module README's example: one machine of an Ubuntu 24.04 profile, its iPXE script and user-data. */
public final class ReadmeExample {
    private ReadmeExample() {
    }

    public static void main(String[] args) {
        InstallSpec spec = InstallSpec.builder()
                .domain("ceph.example.net")
                .timeZone(ZoneId.of("Europe/Amsterdam"))
                .mirror(BootUrl.http("2001:db8::1", "/ubuntu"))
                .user("ops", "Operations", new CryptedPassword(
                        "$6$Vq3Gd0w1$a3c3tNwKK/Z6Mfi3e.QQsMgNvrXPGFmQXwDBpPbx2sWumAREwxetkrAHh4gjWCSQ1OtGsKhmszdBlmpNXoNMn0"))
                .build();
        BootProfile noble = BootProfile.builder()
                .name("ubuntu-24.04")
                .installer(BootProfile.Installer.SUBIQUITY)
                .kernel("http://[2001:db8::1]/noble/vmlinuz")
                .initrd("http://[2001:db8::1]/noble/initrd")
                .answerUrl("http://[2001:db8::1]/autoinstall/{mac}/")
                .spec(spec)
                .build();
        Machine node = Machine.of(MacAddress.parse("52:54:00:12:34:56"), "node-1", noble);
        System.out.print(node.ipxeScript().render());
        System.out.print(node.autoinstall().userData());
    }
}
