package dev.ipv6boot.examples.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The boot network the end-to-end tests build: the server's configuration (one YAML file, as an operator writes it)
 * and its artifact tree, with random content so that a download is checked byte for byte.
 */
final class BootNetwork {
    static final String SERVER = "2001:db8::1";
    static final String SERVER_NAME = "boot.example";
    /** The MAC {@code NetworkNamespace.link} gives the second namespace's end. */
    static final String CLIENT_MAC = "02:00:00:00:00:02";
    static final String CLIENT_HOSTNAME = "node-e2e";
    static final String ADMIN = "[::1]:9547";
    static final String IPXE_EFI_URL = "http://[" + SERVER + "]/ipxe.efi";
    static final String SCRIPT_URL = "http://[" + SERVER + "]/ipxe/boot.ipxe";

    final Path root;
    final Path config;
    final String ipxeEfi;
    final String kernel;
    final String initrd;

    private BootNetwork(Path root, Path config, String ipxeEfi, String kernel, String initrd) {
        this.root = root;
        this.config = config;
        this.ipxeEfi = ipxeEfi;
        this.kernel = kernel;
        this.initrd = initrd;
    }

    /**
     * Writes the artifact tree and the configuration under {@code dir}.
     *
     * @param serverInterface the server's interface on the boot link
     * @param relayedPrefix   a rack behind a relay (its own pool), or null
     */
    static BootNetwork write(Path dir, String serverInterface, String relayedPrefix) throws IOException {
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("ubuntu-installer/amd64"));
        String ipxeEfi = randomText("ipxe.efi");
        String kernel = randomText("linux");
        String initrd = randomText("initrd");
        Files.writeString(root.resolve("ipxe.efi"), ipxeEfi);
        Files.writeString(root.resolve("ubuntu-installer/amd64/linux"), kernel);
        Files.writeString(root.resolve("ubuntu-installer/amd64/initrd.gz"), initrd);
        String relayed = relayedPrefix == null ? "" : """
                    - prefix: @PREFIX@
                      pools: ["@POOL@"]
                """.replace("@PREFIX@", relayedPrefix)
                .replace("@POOL@", relayedPrefix.replace("::/64", "::1:0 - ") + relayedPrefix.replace("::/64", "::1:ffff"));
        String yaml = """
                site:
                  interfaces: [@IFACE@]
                  address: "@SERVER@"
                  name: @NAME@
                  state-directory: "@STATE@"
                ra:
                  other-config: true
                  min-interval: 3
                  max-interval: 4
                  prefixes: ["2001:db8::/64"]
                dhcp6:
                  authoritative: true
                  rate-per-client: 1000
                  options:
                    dns-servers: "@SERVER@"
                  rules:
                    - when: member('IPXE')
                      options: {bootfile-url: "@SCRIPT_URL@"}
                    - when: option[61].hex == 0x0007
                      options: {bootfile-url: "@IPXE_EFI_URL@"}
                  subnets:
                    - prefix: 2001:db8::/64
                      interface: @IFACE@
                      pools: ["2001:db8::1:0 - 2001:db8::1:ffff"]
                @RELAYED@
                dns:
                  listen: ["[@SERVER@]:53"]
                  upstreams: ["[2001:db8::53]:53"]
                  access-control:
                    "2001:db8::/32": allow
                http:
                  listen: ["[@SERVER@]:80"]
                  root: "@ROOT@"
                tftp:
                  listen: ["[@SERVER@]:69"]
                admin:
                  listen: ["@ADMIN@"]
                profiles:
                  - name: ubuntu
                    installer: debian-installer
                    release: noble
                    kernel: /ubuntu-installer/amd64/linux
                    initrd: /ubuntu-installer/amd64/initrd.gz
                machines:
                  - mac: "@MAC@"
                    hostname: @HOSTNAME@
                    profile: ubuntu
                """
                .replace("@RELAYED@\n", relayed)
                .replace("@IFACE@", serverInterface).replace("@SCRIPT_URL@", SCRIPT_URL)
                .replace("@IPXE_EFI_URL@", IPXE_EFI_URL).replace("@SERVER@", SERVER).replace("@NAME@", SERVER_NAME)
                .replace("@STATE@", dir.resolve("state").toString()).replace("@ROOT@", root.toString())
                .replace("@ADMIN@", ADMIN).replace("@MAC@", CLIENT_MAC).replace("@HOSTNAME@", CLIENT_HOSTNAME);
        Path config = dir.resolve("boot.yaml");
        Files.writeString(config, yaml);
        return new BootNetwork(root, config, ipxeEfi, kernel, initrd);
    }

    /** The client MAC as iPXE's {@code ${netX/mac:hexhyp}} writes it. */
    static String clientMacHexhyp() {
        return CLIENT_MAC.replace(':', '-');
    }

    private static String randomText(String what) {
        byte[] bytes = new byte[48];
        ThreadLocalRandom.current().nextBytes(bytes);
        return what + " " + HexFormat.of().formatHex(bytes) + "\n";
    }
}
