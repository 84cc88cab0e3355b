package dev.ipv6boot.preseed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ipv6boot.preseed.di.CryptedPassword;
import dev.ipv6boot.testkit.peer.Command;
import dev.ipv6boot.testkit.peer.PeerTest;
import dev.ipv6boot.testkit.peer.Peers;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our SHA-512 crypt against OpenSSL's ({@code openssl passwd -6}) for random passwords and salts. */
@PeerTest
class OpensslPasswdPeerTest {
    private static final String SALT_CHARS = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void hashesLikeOpenssl() {
        Peers.require("openssl");
        Random random = new Random(42);
        for (int n = 0; n < 20; n++) {
            StringBuilder password = new StringBuilder();
            // openssl reads an empty password argument as "none given"; lengths past 64 bytes exercise the block loops
            int length = 1 + random.nextInt(n < 10 ? 20 : 200);
            for (int i = 0; i < length; i++) {
                password.append((char) (0x21 + random.nextInt(0x5e)));
            }
            StringBuilder salt = new StringBuilder();
            for (int i = 1 + random.nextInt(16); i > 0; i--) {
                salt.append(SALT_CHARS.charAt(random.nextInt(SALT_CHARS.length())));
            }
            Command.Result r = Command.run(Duration.ofSeconds(20), "openssl", "passwd", "-6", "-salt",
                    salt.toString(), password.toString());
            assertEquals(0, r.exitCode(), r::output);
            assertEquals(r.output().strip(), CryptedPassword.sha512(password.toString(), salt.toString()).hash(),
                    "password '" + password + "' salt '" + salt + "'");
        }
    }
}
