package dev.ipv6boot.examples.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** YAML leaves absent keys null; the records hold empty collections instead, in file order. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <K, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
