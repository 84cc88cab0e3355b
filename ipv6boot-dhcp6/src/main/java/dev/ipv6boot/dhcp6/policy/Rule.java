package dev.ipv6boot.dhcp6.policy;

import java.util.List;

/**
 * One branch of a {@link RuleChain}: when {@code when} holds, the chain stops here and these options apply.
 *
 * @param condition the condition as written ({@code "else"} for the last branch)
 * @param when      the compiled condition
 * @param options   the options it sets
 * @param source    where it was configured ("line 7", "builder")
 */
public record Rule(String condition, Dhcp6Predicate when, List<OptionSetting> options, String source) {
    public Rule {
        options = List.copyOf(options);
    }
}
