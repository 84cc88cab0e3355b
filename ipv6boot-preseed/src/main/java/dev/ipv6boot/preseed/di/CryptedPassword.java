package dev.ipv6boot.preseed.di;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.security.MessageDigest;
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

    /**
     * Hashes a password with SHA-512 crypt and a random 16-character salt, like {@code mkpasswd -m sha-512};
     * so that a profile never needs the clear text in a file.
     */
    public static CryptedPassword sha512(String password) {
        Objects.requireNonNull(password, "password");
        return new CryptedPassword(Sha512Crypt.hash(password, Sha512Crypt.randomSalt()));
    }

    /** Like {@link #sha512(String)} with a given salt (up to 16 of {@code [./0-9A-Za-z]}), for reproducible output. */
    public static CryptedPassword sha512(String password, String salt) {
        Objects.requireNonNull(password, "password");
        try {
            return new CryptedPassword(Sha512Crypt.hash(password, salt));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("password", "bad-value", "salt", e.getMessage());
        }
    }

    /** True when {@code password} hashes to this hash (SHA-512 crypt with the default rounds only). */
    public boolean matches(String password) {
        if (!hash.startsWith("$6$") || hash.startsWith("$6$rounds=")) {
            return false;
        }
        String salt = hash.substring(3, hash.indexOf('$', 3));
        return MessageDigest.isEqual(hash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                Sha512Crypt.hash(password, salt).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Never prints the hash, which is as good as the password against an offline guesser. */
    @Override
    public String toString() {
        return "CryptedPassword[" + hash.substring(0, hash.indexOf('$', 1) + 1) + "…]";
    }
}
