package dev.ipv6boot.dhcp6.policy;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;

/**
 * What the policy decided for one message: its classes, whether to drop it, its subnet and the options chosen
 * for it (at most one per code, in the order they will be written). Mutable and reused: keep one per thread;
 * {@link Dhcp6Policy#decide} overwrites it without allocating.
 */
public final class PolicyDecision {

    long classes;
    SubnetPolicy subnet;
    final OptionSetting[] chosen;
    int count;

    /** A decision able to hold every option {@code policy} can choose. */
    public PolicyDecision(Dhcp6Policy policy) {
        this.chosen = new OptionSetting[policy.maxChosenOptions()];
    }

    /** The message's classes, one bit per {@link ClientClass#index()}. */
    public long classes() {
        return classes;
    }

    /** Whether the message is in class {@code index}. */
    public boolean isMember(int index) {
        return (classes & (1L << index)) != 0;
    }

    /** Whether the message is in the DROP class and must not be answered. */
    public boolean drop() {
        return isMember(BuiltInClasses.DROP_INDEX);
    }

    /** The subnet chosen for the message, or {@code null} when none fits (only stateless answers then). */
    public SubnetPolicy subnet() {
        return subnet;
    }

    /** How many options were chosen. */
    public int optionCount() {
        return count;
    }

    /** Chosen option {@code i}. */
    public OptionSetting option(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        return chosen[i];
    }

    /** The chosen setting of {@code code}, or {@code null}. */
    public OptionSetting find(int code) {
        for (int i = 0; i < count; i++) {
            if (chosen[i].code() == code) {
                return chosen[i];
            }
        }
        return null;
    }

    /** The chosen Boot File URL (59) as text, or {@code null}; allocates, for tests and logs. */
    public String bootFileUrl() {
        OptionSetting s = find(OptionCodes.BOOT_FILE_URL);
        return s == null ? null : s.url();
    }
}
