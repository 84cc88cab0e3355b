package dev.ipv6boot.ndp.config;

import java.util.List;
import java.util.Optional;

/** A read radvd.conf: its interfaces in file order and what was not honoured. */
public record RadvdConf(List<RadvdInterface> interfaces, List<RadvdConfWarning> warnings) {
    public RadvdConf {
        interfaces = List.copyOf(interfaces);
        warnings = List.copyOf(warnings);
    }

    public Optional<RadvdInterface> forInterface(String name) {
        return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
