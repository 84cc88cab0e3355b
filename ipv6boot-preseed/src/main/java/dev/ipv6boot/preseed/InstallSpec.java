package dev.ipv6boot.preseed;

import dev.ipv6boot.preseed.di.CryptedPassword;
import dev.ipv6boot.preseed.net.BootUrl;
import dev.ipv6boot.preseed.net.DnsNames;
import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to install, independent of the installer: the same spec renders a d-i preseed or a Subiquity
 * autoinstall, so a profile can move from Ubuntu 18.04 (d-i) to 22.04 (Subiquity) without restating it.
 *
 * @param locale         such as {@code en_US.UTF-8}
 * @param keyboardLayout the XKB layout code, such as {@code us}
 * @param timeZone       the time zone of the installed system
 * @param domain         the DNS domain of the machines
 * @param mirror         the package archive, e.g. {@code http://[2001:db8::1]/ubuntu}
 * @param rootPassword   root's password hash; empty leaves root locked (d-i then needs {@code user})
 * @param user           the first user: login, full name and password hash
 * @param sshKeys        OpenSSH public keys for that user
 * @param packages       extra packages
 * @param lateCommands   shell commands run at the end with the new system on {@code /target}
 * @param disk           the disk to install on ({@code /dev/sda}); empty lets the installer choose
 * @param dhcpv6Timeout  seconds d-i's netcfg waits for DHCPv6
 */
public record InstallSpec(String locale, String keyboardLayout, ZoneId timeZone, String domain, BootUrl mirror,
                          Optional<CryptedPassword> rootPassword, Optional<UserAccount> user, List<String> sshKeys,
                          List<String> packages, List<String> lateCommands, Optional<String> disk, int dhcpv6Timeout) {

    /** A user account. */
    public record UserAccount(String username, String fullName, CryptedPassword password) {
        public UserAccount {
            if (username == null || !username.matches("[a-z_][a-z0-9_-]{0,31}")) {
                throw InvalidInputException.of("install spec", "bad-value", String.valueOf(username), "not a login name");
            }
            Objects.requireNonNull(fullName, "fullName");
            Objects.requireNonNull(password, "password");
        }
    }

    public InstallSpec {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(keyboardLayout, "keyboardLayout");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(mirror, "mirror");
        if (!DnsNames.isDomainName(domain)) {
            throw InvalidInputException.of("install spec", "bad-value", String.valueOf(domain), "not a domain name");
        }
        if (rootPassword.isEmpty() && user.isEmpty()) {
            throw InvalidInputException.of("install spec", "no-login", "accounts",
                    "neither a root password nor a user: nobody could log in");
        }
        sshKeys = List.copyOf(sshKeys);
        packages = List.copyOf(packages);
        lateCommands = List.copyOf(lateCommands);
        if (dhcpv6Timeout < 0) {
            throw InvalidInputException.of("install spec", "bad-value", "dhcpv6Timeout", "negative");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a spec; locale {@code en_US.UTF-8}, keyboard {@code us}, time zone UTC and 10 s DHCPv6 by default. */
    public static final class Builder {
        private String locale = "en_US.UTF-8";
        private String keyboardLayout = "us";
        private ZoneId timeZone = ZoneId.of("Etc/UTC");
        private String domain;
        private BootUrl mirror;
        private CryptedPassword rootPassword;
        private UserAccount user;
        private List<String> sshKeys = List.of();
        private List<String> packages = List.of();
        private List<String> lateCommands = List.of();
        private String disk;
        private int dhcpv6Timeout = 10;

        private Builder() {
        }

        public Builder locale(String v) {
            locale = v;
            return this;
        }

        public Builder keyboardLayout(String v) {
            keyboardLayout = v;
            return this;
        }

        public Builder timeZone(ZoneId v) {
            timeZone = v;
            return this;
        }

        public Builder domain(String v) {
            domain = v;
            return this;
        }

        public Builder mirror(BootUrl v) {
            mirror = v;
            return this;
        }

        public Builder rootPassword(CryptedPassword v) {
            rootPassword = v;
            return this;
        }

        public Builder user(String username, String fullName, CryptedPassword password) {
            user = new UserAccount(username, fullName, password);
            return this;
        }

        public Builder sshKeys(List<String> v) {
            sshKeys = v;
            return this;
        }

        public Builder packages(List<String> v) {
            packages = v;
            return this;
        }

        public Builder lateCommands(List<String> v) {
            lateCommands = v;
            return this;
        }

        public Builder disk(String v) {
            disk = v;
            return this;
        }

        public Builder dhcpv6Timeout(int seconds) {
            dhcpv6Timeout = seconds;
            return this;
        }

        public InstallSpec build() {
            return new InstallSpec(locale, keyboardLayout, timeZone, domain, mirror, Optional.ofNullable(rootPassword),
                    Optional.ofNullable(user), sshKeys, packages, lateCommands, Optional.ofNullable(disk), dhcpv6Timeout);
        }
    }
}
