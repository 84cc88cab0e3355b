package dev.ipv6boot.examples.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code ipv6boot serve} configuration of one qemu boot, as an operator would write it: the site on the server's
 * end of the boot link, RAs with the O or the M flag, the DHCPv6 rules of the seed deployment (iPXE gets the
 * per-machine script, UEFI PXE a {@code tftp://} URL of ipxe.efi, UEFI HTTP Boot its {@code http://} URL), a pool
 * when addresses come from DHCPv6, HTTP and TFTP serving one directory, and the booted machine with a profile whose
 * kernel is the {@linkplain #MARKER marker} the test waits for. The template is {@code boot/serve.yaml} on the test
 * class path.
 *
 * @param managed the RA's M flag (iPXE solicits an address; firmware does anyway): a pool is configured. Without
 *                it only O is set, and iPXE asks for its boot URL by Information-Request.
 * @param mac      the virtual machine's NIC
 * @param hostname the machine's host name (one label)
 * @param root     the HTTP and TFTP root, holding {@code ipxe.efi} and the marker
 * @param state    the state directory (lease journal, pid file)
 */
record ServeConfig(boolean managed, String mac, String hostname, Path root, Path state) {
    /** The profile's kernel path: iPXE fetches it by the machine's script, the last thing a boot does here. */
    static final String MARKER = "/marker/kernel";
    /** The profile's initrd path; iPXE never gets that far (the marker is no kernel). */
    static final String INITRD = "/marker/initrd";
    /** Where {@code /status} is served, inside the server namespace. */
    static final String ADMIN = "[::1]:9547";
    static final String IPXE_SCRIPT_PATH = "/ipxe/boot.ipxe";

    /** Writes the file to {@code file} and returns it. */
    Path write(Path file) throws IOException {
        return Files.writeString(file, text(), StandardCharsets.UTF_8);
    }

    String text() throws IOException {
        String template;
        try (var in = ServeConfig.class.getResourceAsStream("/boot/serve.yaml")) {
            if (in == null) {
                throw new IOException("boot/serve.yaml is not on the test class path");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String prefix = BootNetwork.PREFIX;
        String pool = managed ? """
                  subnets:
                    - prefix: "@PREFIX@/64"
                      interface: @IFACE@
                      pools: ["@PREFIX@1:0 - @PREFIX@1:ffff"]
                """ : "";
        return template.replace("@SUBNETS@\n", pool)
                .replace("@MANAGED@", Boolean.toString(managed))
                .replace("@IFACE@", BootNetwork.SERVER_INTERFACE)
                .replace("@ADDRESS@", BootNetwork.SERVER_ADDRESS)
                .replace("@PREFIX@", prefix)
                .replace("@STATE@", state.toString())
                .replace("@ROOT@", root.toString())
                .replace("@ADMIN@", ADMIN)
                .replace("@IPXE_SCRIPT@", IPXE_SCRIPT_PATH)
                .replace("@KERNEL@", MARKER)
                .replace("@INITRD@", INITRD)
                .replace("@MAC@", mac)
                .replace("@HOSTNAME@", hostname);
    }
}
