package dev.ipv6boot.dhcp6.policy;

import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import java.util.List;

/** An {@code if / elif / else} chain: the first rule whose condition holds applies, the others do not. */
public record RuleChain(List<Rule> rules) {

    public RuleChain {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a rule chain needs at least one rule");
        }
    }

    /** The index of the first rule that applies, or -1. Allocation-free. */
    public int firstMatch(Dhcp6MessageView received, long classes) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).when().test(received, classes)) {
                return i;
            }
        }
        return -1;
    }
}
