package dev.ipv6boot.preseed.di;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * SHA-512 crypt ({@code $6$}), as specified by Ulrich Drepper ("Unix crypt using SHA-256 and SHA-512", 2007)
 * and implemented by glibc, {@code mkpasswd -m sha-512} and {@code openssl passwd -6}: what d-i's
 * {@code passwd/*-crypted} and Subiquity's {@code identity.password} expect. Only the JDK's SHA-512 is used.
 */
final class Sha512Crypt {
    private static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int DEFAULT_ROUNDS = 5000;
    /** The order in which the spec spreads the 64 digest bytes over groups of 4 characters. */
    private static final int[][] GROUPS = {
        {0, 21, 42}, {22, 43, 1}, {44, 2, 23}, {3, 24, 45}, {25, 46, 4}, {47, 5, 26}, {6, 27, 48},
        {28, 49, 7}, {50, 8, 29}, {9, 30, 51}, {31, 52, 10}, {53, 11, 32}, {12, 33, 54}, {34, 55, 13},
        {56, 14, 35}, {15, 36, 57}, {37, 58, 16}, {59, 17, 38}, {18, 39, 60}, {40, 61, 19}, {62, 20, 41},
    };
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sha512Crypt() {
    }

    /** 16 random salt characters, the most the scheme uses. */
    static String randomSalt() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /**
     * The {@code $6$salt$hash} string of {@code password}.
     *
     * @param salt up to 16 characters of {@code [./0-9A-Za-z]} (longer salts are cut, as the spec says)
     */
    static String hash(String password, String salt) {
        if (!salt.matches("[./0-9A-Za-z]+")) {
            throw new IllegalArgumentException("salt must be characters of [./0-9A-Za-z]");
        }
        String s = salt.length() > 16 ? salt.substring(0, 16) : salt;
        byte[] p = password.getBytes(StandardCharsets.UTF_8);
        byte[] sb = s.getBytes(StandardCharsets.US_ASCII);

        MessageDigest b = sha512();
        b.update(p);
        b.update(sb);
        b.update(p);
        byte[] bDigest = b.digest();

        MessageDigest a = sha512();
        a.update(p);
        a.update(sb);
        int i;
        for (i = p.length; i > 64; i -= 64) {
            a.update(bDigest, 0, 64);
        }
        a.update(bDigest, 0, i);
        for (i = p.length; i > 0; i >>= 1) {
            if ((i & 1) != 0) {
                a.update(bDigest, 0, 64);
            } else {
                a.update(p);
            }
        }
        byte[] aDigest = a.digest();

        MessageDigest dp = sha512();
        for (i = 0; i < p.length; i++) {
            dp.update(p);
        }
        byte[] pSequence = repeat(dp.digest(), p.length);

        MessageDigest ds = sha512();
        for (i = 0; i < 16 + (aDigest[0] & 0xFF); i++) {
            ds.update(sb);
        }
        byte[] sSequence = repeat(ds.digest(), sb.length);

        byte[] c = aDigest;
        for (int round = 0; round < DEFAULT_ROUNDS; round++) {
            MessageDigest r = sha512();
            if ((round & 1) != 0) {
                r.update(pSequence);
            } else {
                r.update(c);
            }
            if (round % 3 != 0) {
                r.update(sSequence);
            }
            if (round % 7 != 0) {
                r.update(pSequence);
            }
            if ((round & 1) != 0) {
                r.update(c);
            } else {
                r.update(pSequence);
            }
            c = r.digest();
        }

        StringBuilder out = new StringBuilder("$6$").append(s).append('$');
        for (int[] g : GROUPS) {
            encode(out, c[g[0]], c[g[1]], c[g[2]], 4);
        }
        encode(out, (byte) 0, (byte) 0, c[63], 2);
        return out.toString();
    }

    private static void encode(StringBuilder out, byte b2, byte b1, byte b0, int n) {
        int w = (b2 & 0xFF) << 16 | (b1 & 0xFF) << 8 | b0 & 0xFF;
        for (int k = 0; k < n; k++) {
            out.append(ALPHABET.charAt(w & 0x3F));
            w >>>= 6;
        }
    }

    private static byte[] repeat(byte[] digest, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = digest[i % digest.length];
        }
        return out;
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-512", e);
        }
    }
}
