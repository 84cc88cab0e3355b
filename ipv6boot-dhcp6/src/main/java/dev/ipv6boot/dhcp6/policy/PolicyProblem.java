package dev.ipv6boot.dhcp6.policy;

/**
 * Something wrong with a policy found when it was compiled: a configuration that would work against the RFCs
 * but not against real firmware (a chain-load loop, an http:// URL for UEFI PXE...).
 *
 * @param source  where ("line 7", "builder rule 1")
 * @param message what is wrong and what to do about it
 */
public record PolicyProblem(String source, String message) {
    @Override
    public String toString() {
        return source + ": " + message;
    }
}
