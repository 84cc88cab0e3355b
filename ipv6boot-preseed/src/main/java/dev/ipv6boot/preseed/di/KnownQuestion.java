package dev.ipv6boot.preseed.di;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the installer's templates say about a question provisioning commonly answers: its type, the values a
 * select accepts, and how to check a free-text value. One table (after the templates of d-i's netcfg,
 * clock-setup, tzsetup, partman, user-setup, pkgsel, mirror, keyboard-configuration and debconf) drives the
 * validator and the typed builder. Questions not listed here are accepted as written.
 *
 * @param question the debconf question
 * @param type     its template type, or empty where it differs between releases
 * @param choices  accepted values of a select (or multiselect), empty when open or unknown
 * @param format   how a value is checked
 * @param obsolete when not empty, why the question no longer has an effect and what replaces it
 */
public record KnownQuestion(String question, Optional<DebconfType> type, Set<String> choices, ValueFormat format,
                            String obsolete) {

    /** How a value is checked beyond its type. */
    public enum ValueFormat {
        ANY, INTEGER, HOSTNAME, DOMAIN, HOST, TIME_ZONE, LOCALE, LOCALES, CRYPTED_PASSWORD, PLAIN_PASSWORD,
        URL_OR_EMPTY, KEYBOARD_DESCRIPTION
    }

    private static final Map<String, KnownQuestion> ALL = new LinkedHashMap<>();

    static {
        q("debian-installer/language", DebconfType.STRING, ValueFormat.ANY);
        q("debian-installer/country", DebconfType.STRING, ValueFormat.ANY);
        q("debian-installer/locale", DebconfType.STRING, ValueFormat.LOCALE);
        put("localechooser/preferred-locale", null, Set.of(), ValueFormat.LOCALE, "");
        q("localechooser/supported-locales", DebconfType.MULTISELECT, ValueFormat.LOCALES);
        q("console-setup/ask_detect", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("keyboard-configuration/layoutcode", DebconfType.STRING, ValueFormat.ANY);
        q("keyboard-configuration/variantcode", DebconfType.STRING, ValueFormat.ANY);
        q("keyboard-configuration/modelcode", DebconfType.STRING, ValueFormat.ANY);
        q("keyboard-configuration/xkb-keymap", DebconfType.SELECT, ValueFormat.ANY);
        q("keyboard-configuration/layout", DebconfType.SELECT, ValueFormat.KEYBOARD_DESCRIPTION);
        q("keyboard-configuration/variant", DebconfType.SELECT, ValueFormat.KEYBOARD_DESCRIPTION);
        put("kbd-chooser/method", DebconfType.SELECT, Set.of(), ValueFormat.ANY,
                "kbd-chooser left the installer with Debian 6 and Ubuntu 10.10; "
                        + "keyboard-configuration/xkb-keymap (or layoutcode) sets the keyboard");
        q("netcfg/choose_interface", DebconfType.SELECT, ValueFormat.ANY);
        q("netcfg/enable", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("netcfg/disable_autoconfig", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("netcfg/use_autoconfig", DebconfType.BOOLEAN, ValueFormat.ANY);
        put("netcfg/disable_dhcp", DebconfType.BOOLEAN, Set.of(), ValueFormat.ANY,
                "netcfg/disable_dhcp is the pre-IPv6 name of netcfg/disable_autoconfig, which also "
                        + "turns off SLAAC and DHCPv6, not only DHCPv4");
        q("netcfg/dhcp_timeout", DebconfType.STRING, ValueFormat.INTEGER);
        q("netcfg/dhcpv6_timeout", DebconfType.STRING, ValueFormat.INTEGER);
        q("netcfg/link_wait_timeout", DebconfType.STRING, ValueFormat.INTEGER);
        q("netcfg/get_hostname", DebconfType.STRING, ValueFormat.HOSTNAME);
        q("netcfg/hostname", DebconfType.STRING, ValueFormat.HOSTNAME);
        q("netcfg/get_domain", DebconfType.STRING, ValueFormat.DOMAIN);
        q("netcfg/get_ipaddress", DebconfType.STRING, ValueFormat.ANY);
        q("netcfg/get_netmask", DebconfType.STRING, ValueFormat.ANY);
        q("netcfg/get_gateway", DebconfType.STRING, ValueFormat.ANY);
        q("netcfg/get_nameservers", DebconfType.STRING, ValueFormat.ANY);
        q("netcfg/confirm_static", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("time/zone", DebconfType.STRING, ValueFormat.TIME_ZONE);
        q("clock-setup/utc", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("clock-setup/utc-auto", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("clock-setup/ntp", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("clock-setup/ntp-server", DebconfType.STRING, ValueFormat.HOST);
        put("debconf/frontend", DebconfType.SELECT,
                Set.of("Dialog", "Readline", "Gnome", "Kde", "Editor", "Noninteractive", "Web"), ValueFormat.ANY, "");
        put("debconf/priority", DebconfType.SELECT, Set.of("critical", "high", "medium", "low"), ValueFormat.ANY, "");
        q("pkgsel/install-language-support", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("pkgsel/include", DebconfType.STRING, ValueFormat.ANY);
        put("pkgsel/update-policy", DebconfType.SELECT, Set.of("none", "unattended-upgrades", "landscape"),
                ValueFormat.ANY, "");
        put("pkgsel/upgrade", DebconfType.SELECT, Set.of("none", "safe-upgrade", "full-upgrade"), ValueFormat.ANY, "");
        q("pkgsel/language-packs", DebconfType.MULTISELECT, ValueFormat.ANY);
        q("tasksel/first", DebconfType.MULTISELECT, ValueFormat.ANY);
        put("partman-auto/method", DebconfType.STRING, Set.of("regular", "lvm", "crypto"), ValueFormat.ANY, "");
        q("partman-auto/disk", DebconfType.STRING, ValueFormat.ANY);
        q("partman-auto/choose_recipe", DebconfType.SELECT, ValueFormat.ANY);
        q("partman-auto/expert_recipe", DebconfType.STRING, ValueFormat.ANY);
        q("partman-auto/expert_recipe_file", DebconfType.STRING, ValueFormat.ANY);
        q("partman-auto-lvm/guided_size", DebconfType.STRING, ValueFormat.ANY);
        q("partman-lvm/device_remove_lvm", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("partman-md/device_remove_md", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("partman-lvm/confirm", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("partman-lvm/confirm_nooverwrite", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("partman-partitioning/confirm_write_new_label", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("partman/confirm_write_new_label", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("partman/confirm_nooverwrite", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("partman/confirm", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("partman/choose_partition", DebconfType.SELECT, ValueFormat.ANY);
        put("partman/mount_style", DebconfType.SELECT, Set.of("uuid", "traditional", "label"), ValueFormat.ANY, "");
        q("mirror/country", DebconfType.STRING, ValueFormat.ANY);
        put("mirror/protocol", DebconfType.SELECT, Set.of("http", "https", "ftp"), ValueFormat.ANY, "");
        q("mirror/http/hostname", DebconfType.STRING, ValueFormat.HOST);
        q("mirror/http/directory", DebconfType.STRING, ValueFormat.ANY);
        q("mirror/http/proxy", DebconfType.STRING, ValueFormat.URL_OR_EMPTY);
        q("mirror/suite", DebconfType.STRING, ValueFormat.ANY);
        q("passwd/root-login", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("passwd/make-user", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("passwd/root-password", DebconfType.PASSWORD, ValueFormat.PLAIN_PASSWORD);
        q("passwd/root-password-again", DebconfType.PASSWORD, ValueFormat.PLAIN_PASSWORD);
        q("passwd/root-password-crypted", DebconfType.PASSWORD, ValueFormat.CRYPTED_PASSWORD);
        q("passwd/user-fullname", DebconfType.STRING, ValueFormat.ANY);
        q("passwd/username", DebconfType.STRING, ValueFormat.ANY);
        q("passwd/user-password", DebconfType.PASSWORD, ValueFormat.PLAIN_PASSWORD);
        q("passwd/user-password-again", DebconfType.PASSWORD, ValueFormat.PLAIN_PASSWORD);
        q("passwd/user-password-crypted", DebconfType.PASSWORD, ValueFormat.CRYPTED_PASSWORD);
        q("passwd/user-uid", DebconfType.STRING, ValueFormat.INTEGER);
        q("passwd/user-default-groups", DebconfType.STRING, ValueFormat.ANY);
        q("user-setup/encrypt-home", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("user-setup/allow-password-weak", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("preseed/late_command", DebconfType.STRING, ValueFormat.ANY);
        q("preseed/early_command", DebconfType.STRING, ValueFormat.ANY);
        q("preseed/url", DebconfType.STRING, ValueFormat.URL_OR_EMPTY);
        q("grub-installer/only_debian", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("grub-installer/with_other_os", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("grub-installer/bootdev", DebconfType.STRING, ValueFormat.ANY);
        q("finish-install/reboot_in_progress", DebconfType.NOTE, ValueFormat.ANY);
        q("debian-installer/exit/poweroff", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("base-installer/install-recommends", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("popularity-contest/participate", DebconfType.BOOLEAN, ValueFormat.ANY);
        q("hw-detect/load_firmware", DebconfType.BOOLEAN, ValueFormat.ANY);
    }

    private static void q(String question, DebconfType type, ValueFormat format) {
        put(question, type, Set.of(), format, "");
    }

    private static void put(String question, DebconfType type, Set<String> choices, ValueFormat format,
                            String obsolete) {
        ALL.put(question, new KnownQuestion(question, Optional.ofNullable(type), choices, format, obsolete));
    }

    public static Optional<KnownQuestion> of(String question) {
        return Optional.ofNullable(ALL.get(question));
    }

    /** Every question in the table, in table order. */
    public static List<KnownQuestion> all() {
        return List.copyOf(ALL.values());
    }

    public boolean isObsolete() {
        return !obsolete.isEmpty();
    }
}
