package dev.ipv6boot.dhcp6.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    @Test
    void allowsTheBurstThenTheRate() {
        ClientRateLimiter limiter = new ClientRateLimiter(64, 10, 3);
        long t = 1_000_000_000L;
        assertTrue(limiter.tryAcquire(42, t));
        assertTrue(limiter.tryAcquire(42, t));
        assertTrue(limiter.tryAcquire(42, t));
        assertFalse(limiter.tryAcquire(42, t), "burst of 3 spent");
        assertTrue(limiter.tryAcquire(7, t), "another client has its own bucket");
        assertFalse(limiter.tryAcquire(42, t + 50_000_000L), "half a token after 50 ms at 10/s");
        assertTrue(limiter.tryAcquire(42, t + 100_000_000L), "a whole token after 100 ms");
        int allowed = 0;
        for (int ms = 200; ms < 10_200; ms++) {
            if (limiter.tryAcquire(42, t + ms * 1_000_000L)) {
                allowed++;
            }
        }
        assertEquals(100, allowed, 1, "10 per second over 10 s");
    }
}
