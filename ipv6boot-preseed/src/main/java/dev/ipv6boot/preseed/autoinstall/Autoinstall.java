package dev.ipv6boot.preseed.autoinstall;

import dev.ipv6boot.preseed.di.CryptedPassword;
import dev.ipv6boot.preseed.net.BootUrl;
import dev.ipv6boot.preseed.net.DnsNames;
import dev.ipv6boot.preseed.net.MacAddress;
import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Ubuntu autoinstall configuration for Subiquity (Ubuntu 20.04 and later, whose server images no longer
 * contain d-i), delivered by cloud-init's NoCloud data source as {@link #userData()} and {@link #metaData()}.
 * The network section configures the boot interface, matched by MAC, for IPv6 only: router advertisements
 * and DHCPv6, no DHCPv4.
 *
 * <pre>{@code
 * Autoinstall answers = Autoinstall.builder()
 *         .identity("node-1", "ops", new CryptedPassword("$6$…"))
 *         .bootInterface(MacAddress.parse("52:54:00:12:34:56"))
 *         .build();
 * String userData = answers.userData();   // "#cloud-config\nautoinstall:\n  version: 1\n…"
 * }</pre>
 */
public final class Autoinstall {
    /** Storage layouts Subiquity offers for a whole disk. */
    public enum StorageLayout {
        /** One partition for / (plus the boot partitions). */
        DIRECT,
        /** / on a logical volume, the rest of the disk left for growth. */
        LVM;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What Subiquity does when the installation is done. */
    public enum Shutdown {
        REBOOT, POWEROFF;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<String, Object> autoinstall;
    private final String hostname;
    private final String instanceId;

    private Autoinstall(Map<String, Object> autoinstall, String hostname, String instanceId) {
        this.autoinstall = autoinstall;
        this.hostname = hostname;
        this.instanceId = instanceId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The cloud-init {@code user-data}: {@code #cloud-config} and the {@code autoinstall:} section. */
    public String userData() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("autoinstall", autoinstall);
        return "#cloud-config\n" + YamlWriter.write(doc);
    }

    /**
     * The cloud-init {@code meta-data}: {@code instance-id} (cloud-init runs its first-boot modules again
     * whenever it changes) and {@code local-hostname}.
     */
    public String metaData() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("instance-id", instanceId);
        doc.put("local-hostname", hostname);
        return YamlWriter.write(doc);
    }

    public String hostname() {
        return hostname;
    }

    @Override
    public String toString() {
        return userData();
    }

    /** Builds the autoinstall section; {@link #identity} is required. */
    public static final class Builder {
        private String locale = "en_US.UTF-8";
        private String keyboardLayout = "us";
        private String keyboardVariant = "";
        private ZoneId timeZone;
        private String hostname;
        private String username;
        private String realName = "";
        private CryptedPassword password;
        private boolean installSsh = true;
        private boolean allowSshPassword;
        private final List<String> authorizedKeys = new ArrayList<>();
        private MacAddress bootMac;
        private BootUrl mirror;
        private StorageLayout layout = StorageLayout.LVM;
        private String disk;
        private final List<String> packages = new ArrayList<>();
        private final List<String> lateCommands = new ArrayList<>();
        private boolean allUpdates;
        private Shutdown shutdown = Shutdown.REBOOT;
        private String instanceId;

        private Builder() {
        }

        public Builder locale(String locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /** The XKB layout ({@code us}) and variant ({@code ""} for the default). */
        public Builder keyboard(String layout, String variant) {
            this.keyboardLayout = Objects.requireNonNull(layout, "layout");
            this.keyboardVariant = Objects.requireNonNull(variant, "variant");
            return this;
        }

        public Builder timeZone(ZoneId zone) {
            this.timeZone = zone;
            return this;
        }

        /** The host name, the first user's login and its password hash (Subiquity requires all three). */
        public Builder identity(String hostname, String username, CryptedPassword password) {
            if (!DnsNames.isHostLabel(hostname)) {
                throw InvalidInputException.of("autoinstall", "bad-value", String.valueOf(hostname),
                        "not a host name (one label of letters, digits and hyphens)");
            }
            if (username == null || !username.matches("[a-z_][a-z0-9_-]{0,31}")) {
                throw InvalidInputException.of("autoinstall", "bad-value", String.valueOf(username), "not a login name");
            }
            this.hostname = hostname;
            this.username = username;
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        public Builder realName(String realName) {
            this.realName = Objects.requireNonNull(realName, "realName");
            return this;
        }

        /** Installs the OpenSSH server with these keys; password logins over SSH as {@code allowPassword}. */
        public Builder ssh(List<String> keys, boolean allowPassword) {
            for (String k : keys) {
                if (!k.matches("(ssh-|ecdsa-|sk-)\\S+ \\S+( .*)?")) {
                    throw InvalidInputException.of("autoinstall", "bad-value", k, "not an OpenSSH public key line");
                }
            }
            this.installSsh = true;
            this.authorizedKeys.clear();
            this.authorizedKeys.addAll(keys);
            this.allowSshPassword = allowPassword;
            return this;
        }

        /**
         * The interface the machine booted from, configured for IPv6 only (accept-ra and DHCPv6, no DHCPv4);
         * matched by MAC because the kernel's interface names differ between firmware and releases.
         */
        public Builder bootInterface(MacAddress mac) {
            this.bootMac = Objects.requireNonNull(mac, "mac");
            return this;
        }

        /** The archive mirror, e.g. {@code http://[2001:db8::1]/ubuntu}. */
        public Builder mirror(BootUrl mirror) {
            this.mirror = Objects.requireNonNull(mirror, "mirror");
            return this;
        }

        /** The storage layout, on {@code disk} (a device path) or, when null, the disk Subiquity picks. */
        public Builder storage(StorageLayout layout, String disk) {
            this.layout = Objects.requireNonNull(layout, "layout");
            if (disk != null && !disk.startsWith("/dev/")) {
                throw InvalidInputException.of("autoinstall", "bad-value", disk, "a disk is a device such as /dev/sda");
            }
            this.disk = disk;
            return this;
        }

        public Builder packages(List<String> packages) {
            this.packages.addAll(packages);
            return this;
        }

        /** A command run at the end; the installed system is mounted on {@code /target}. */
        public Builder lateCommand(String command) {
            this.lateCommands.add(Objects.requireNonNull(command, "command"));
            return this;
        }

        /** Install all updates, not only security ones, during the installation. */
        public Builder allUpdates(boolean all) {
            this.allUpdates = all;
            return this;
        }

        public Builder shutdown(Shutdown shutdown) {
            this.shutdown = Objects.requireNonNull(shutdown, "shutdown");
            return this;
        }

        /** The meta-data instance id; defaults to {@code iid-<mac>} or {@code iid-<hostname>}. */
        public Builder instanceId(String id) {
            this.instanceId = Objects.requireNonNull(id, "id");
            return this;
        }

        public Autoinstall build() {
            if (hostname == null) {
                throw InvalidInputException.of("autoinstall", "missing-identity", "identity",
                        "Subiquity needs a host name, a user name and a password hash");
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("version", 1);
            a.put("locale", locale);
            Map<String, Object> keyboard = new LinkedHashMap<>();
            keyboard.put("layout", keyboardLayout);
            if (!keyboardVariant.isEmpty()) {
                keyboard.put("variant", keyboardVariant);
            }
            a.put("keyboard", keyboard);
            if (timeZone != null) {
                a.put("timezone", timeZone.getId());
            }
            if (bootMac != null) {
                Map<String, Object> nic = new LinkedHashMap<>();
                nic.put("match", Map.of("macaddress", bootMac.toString()));
                nic.put("dhcp4", false);
                nic.put("dhcp6", true);
                nic.put("accept-ra", true);
                Map<String, Object> network = new LinkedHashMap<>();
                network.put("version", 2);
                network.put("ethernets", Map.of("boot", nic));
                a.put("network", network);
            }
            if (mirror != null) {
                Map<String, Object> primary = new LinkedHashMap<>();
                primary.put("arches", List.of("default"));
                primary.put("uri", mirror.toString());
                Map<String, Object> apt = new LinkedHashMap<>();
                apt.put("geoip", false); // the GeoIP lookup goes to a public IPv4 service
                apt.put("primary", List.of(primary));
                a.put("apt", apt);
            }
            Map<String, Object> layoutMap = new LinkedHashMap<>();
            layoutMap.put("name", layout.word());
            if (disk != null) {
                layoutMap.put("match", Map.of("path", disk));
            }
            a.put("storage", Map.of("layout", layoutMap));
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("hostname", hostname);
            if (!realName.isEmpty()) {
                identity.put("realname", realName);
            }
            identity.put("username", username);
            identity.put("password", password.hash());
            a.put("identity", identity);
            Map<String, Object> ssh = new LinkedHashMap<>();
            ssh.put("install-server", installSsh);
            ssh.put("authorized-keys", List.copyOf(authorizedKeys));
            ssh.put("allow-pw", allowSshPassword);
            a.put("ssh", ssh);
            if (!packages.isEmpty()) {
                a.put("packages", List.copyOf(packages));
            }
            if (!lateCommands.isEmpty()) {
                a.put("late-commands", List.copyOf(lateCommands));
            }
            a.put("updates", allUpdates ? "all" : "security");
            a.put("shutdown", shutdown.word());
            String id = instanceId != null ? instanceId
                    : "iid-" + Optional.ofNullable(bootMac).map(MacAddress::hexhyp).orElse(hostname);
            return new Autoinstall(a, hostname, id);
        }
    }
}
