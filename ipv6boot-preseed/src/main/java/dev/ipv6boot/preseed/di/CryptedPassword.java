package dev.ipv6boot.preseed.di;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.util.Objects;

/**
 * A password as a crypt(3) hash ({@code $6$salt$…}, as {@code mkpasswd -m sha-512} prints it), the only form
 * a preseed or autoinstall file should carry: those files are served to anything on the boot network.
 */
public record CryptedPassword(String hash) {
    public CryptedPassword {
        Objects.requireNonNull(hash, "hash");
        var findings = ValueCheck.check("passwd/root-password-crypted", "password", hash);
        if (!findings.isEmpty()) {
            throw InvalidInputException.of("password", "bad-value", "crypted password", findings.get(0).message());
        }
    }

    /** Never prints the hash, which is as good as the password against an offline guesser. */
    @Override
    public String toString() {
        return "CryptedPassword[" + hash.substring(0, hash.indexOf('$', 1) + 1) + "…]";
    }
}
