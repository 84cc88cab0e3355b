package dev.ipv6boot.ndp.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Any text, however broken, gives a {@link RadvdConf} or a {@link RadvdConfException}, nothing else. */
class RadvdConfReaderFuzzTest {
    private static final String[] WORDS = {"interface", "eth1", "{", "}", ";", "prefix", "::/64", "2001:db8::/48",
            "route", "RDNSS", "DNSSL", "2001:db8::1", "example.org", "nat64prefix", "64:ff9b::/96", "on", "off",
            "AdvSendAdvert", "MaxRtrAdvInterval", "MinRtrAdvInterval", "AdvDefaultLifetime", "AdvValidLifetime",
            "AdvPreferredLifetime", "infinity", "10", "-1", "4294967296", "0.5", "\"https://x/\"", "#", "\n",
            "AdvCaptivePortalAPI", "AdvDefaultPreference", "high", "AdvLinkMTU", "\"", "a..b", "/", "::/129"};

    @Test
    void randomTokenSoupNeverThrowsAnythingElse() {
        SplittableRandom random = new SplittableRandom(7);
        RadvdConfReader reader = new RadvdConfReader(name -> List.of());
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(1, 40); i > 0; i--) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            try {
                assertNotNull(reader.read(text.toString()));
            } catch (RadvdConfException expected) {
                assertNotNull(expected.getMessage());
            }
        }
    }
}
