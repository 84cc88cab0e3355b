package dev.ipv6boot.preseed.di;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import dev.ipv6boot.preseed.validation.Problem;
import org.junit.jupiter.api.Test;

class CryptedPasswordTest {
    @Test
    void matchesOpensslForTheSeedPassword() {
        // expected value printed by: openssl passwd -6 -salt Vq3Gd0w1 ceph
        assertEquals("$6$Vq3Gd0w1$a3c3tNwKK/Z6Mfi3e.QQsMgNvrXPGFmQXwDBpPbx2sWumAREwxetkrAHh4gjWCSQ1OtGsKhmszdBlmpNXoNMn0",
                CryptedPassword.sha512("ceph", "Vq3Gd0w1").hash());
    }

    @Test
    void matchesTheSpecificationsTestVectors() {
        // from Drepper's "Unix crypt using SHA-256 and SHA-512", test vectors without a rounds= prefix
        assertEquals("$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
                Sha512Crypt.hash("Hello world!", "saltstring"));
    }

    @Test
    void randomSaltsDifferAndVerify() {
        CryptedPassword a = CryptedPassword.sha512("s3cret");
        CryptedPassword b = CryptedPassword.sha512("s3cret");
        assertNotEquals(a.hash(), b.hash());
        assertTrue(a.matches("s3cret"));
        assertFalse(a.matches("s3cret "));
        assertTrue(a.hash().matches("\\$6\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}"));
        assertFalse(a.toString().contains(a.hash().substring(20)), "toString must not print the hash");
    }

    @Test
    void refusesBadSalt() {
        assertThrows(InvalidInputException.class, () -> CryptedPassword.sha512("x", "bad salt"));
    }

    @Test
    void plainTextWarningSuggestsAHashOfThatPassword() {
        var v = Preseed.parse("d-i passwd/root-password password ceph\n", "p").validation();
        Problem p = v.warnings().get(0);
        int at = p.message().indexOf("$6$");
        String hash = p.message().substring(at, p.message().indexOf(' ', at));
        assertTrue(new CryptedPassword(hash).matches("ceph"), p.message());
        assertTrue(p.message().contains("d-i passwd/root-password-crypted password $6$"), p.message());
    }
}
