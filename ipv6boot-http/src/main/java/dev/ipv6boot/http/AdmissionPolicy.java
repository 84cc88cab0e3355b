package dev.ipv6boot.http;

import java.time.Duration;

/**
 * Boot-storm admission control: how many large downloads may run at once, in total and per client prefix
 * (a rack's /64, or a /56 for several). A GET whose body is at least {@code largeFileBytes} beyond the limit
 * is answered {@code 503 Service Unavailable} with {@code Retry-After} (RFC 9110 §15.6.4, §10.2.3); iPXE
 * retries on it, so admitted machines finish at full speed instead of all of them crawling.
 *
 * @param largeFileBytes  bodies at least this long count as large; smaller ones (scripts, answers) always pass
 * @param maxGlobal       concurrent large downloads over all clients
 * @param maxPerPrefix    concurrent large downloads per prefix
 * @param prefixLength    bits of the client address that make its prefix (0-128; IPv4 clients are mapped)
 * @param retryAfter      the delay suggested in Retry-After, whole seconds
 */
public record AdmissionPolicy(long largeFileBytes, int maxGlobal, int maxPerPrefix, int prefixLength, Duration retryAfter) {

    public AdmissionPolicy {
        if (largeFileBytes < 0 || maxGlobal < 1 || maxPerPrefix < 1 || prefixLength < 0 || prefixLength > 128
                || retryAfter.isNegative()) {
            throw new IllegalArgumentException("invalid admission policy");
        }
    }

    /** No limit: every request is admitted. */
    public static AdmissionPolicy unlimited() {
        return new AdmissionPolicy(Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 64, Duration.ofSeconds(5));
    }

    /** {@code maxGlobal} large (≥ 1 MiB) downloads in total, {@code maxPerPrefix} per /64, retry after 5 s. */
    public static AdmissionPolicy of(int maxGlobal, int maxPerPrefix) {
        return new AdmissionPolicy(1 << 20, maxGlobal, maxPerPrefix, 64, Duration.ofSeconds(5));
    }

    public AdmissionPolicy withLargeFileBytes(long bytes) {
        return new AdmissionPolicy(bytes, maxGlobal, maxPerPrefix, prefixLength, retryAfter);
    }

    public AdmissionPolicy withPrefixLength(int bits) {
        return new AdmissionPolicy(largeFileBytes, maxGlobal, maxPerPrefix, bits, retryAfter);
    }

    public AdmissionPolicy withRetryAfter(Duration delay) {
        return new AdmissionPolicy(largeFileBytes, maxGlobal, maxPerPrefix, prefixLength, delay);
    }
}
