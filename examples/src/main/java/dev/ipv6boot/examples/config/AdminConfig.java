package dev.ipv6boot.examples.config;

import java.util.List;

/**
 * The operator's side: {@code /status} (boot timelines as JSON) and {@code /metrics} (Prometheus text).
 *
 * @param listen            socket addresses; defaults to {@code [::1]:9547}
 * @param stuckAfterMinutes a machine whose boot made no progress for this long is reported stuck
 */
public record AdminConfig(List<String> listen, Integer stuckAfterMinutes) {
    /** The admin port when {@code listen} names none (9547: beside DHCPv6's 547, unassigned by IANA). */
    public static final int DEFAULT_PORT = 9547;
    static final AdminConfig DEFAULT = new AdminConfig(null, null);

    public AdminConfig {
        listen = listen == null || listen.isEmpty() ? List.of("[::1]:" + DEFAULT_PORT) : List.copyOf(listen);
        stuckAfterMinutes = stuckAfterMinutes == null ? 15 : stuckAfterMinutes;
    }
}
