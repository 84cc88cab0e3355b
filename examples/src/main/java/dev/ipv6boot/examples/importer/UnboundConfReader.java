package dev.ipv6boot.examples.importer;

import dev.ipv6boot.examples.importer.ImportNote.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the parts of unbound.conf a boot network's forwarder needs: {@code interface}, {@code port},
 * {@code access-control}, the root {@code forward-zone} and {@code local-data} AAAA records. Every other
 * clause is noted with its line. IPv4 addresses are noted and left out: the boot network is IPv6 only.
 */
final class UnboundConfReader {
    private UnboundConfReader() {
    }

    static UnboundConf read(String file, String text) {
        List<ImportNote> notes = new ArrayList<>();
        List<String[]> interfaces = new ArrayList<>();
        Map<String, String> access = new LinkedHashMap<>();
        List<String> upstreams = new ArrayList<>();
        Map<String, String> hosts = new LinkedHashMap<>();
        String port = "53";
        String section = "";
        String zoneName = null;
        int zoneLine = 0;
        int serverLine = 0;
        String[] lines = text.split("\n", -1);
        for (int n = 1; n <= lines.length; n++) {
            String line = stripComment(lines[n - 1]).trim();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                notes.add(new ImportNote(file, n, Kind.NOT_TRANSLATED, "'" + line + "' is not a clause"));
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = unquote(line.substring(colon + 1).trim());
            if (value.isEmpty() && (key.equals("server") || key.endsWith("-zone") || key.equals("remote-control")
                    || key.equals("stub-zone") || key.equals("auth-zone") || key.equals("python")
                    || key.equals("dynlib") || key.equals("view") || key.equals("rpz"))) {
                section = key;
                if (key.equals("server")) {
                    serverLine = n;
                } else if (key.equals("forward-zone")) {
                    zoneName = null;
                    zoneLine = n;
                } else {
                    notes.add(new ImportNote(file, n, Kind.NOT_TRANSLATED, key + ": section left out"));
                }
                continue;
            }
            switch (section + "/" + key) {
                case "server/interface" -> {
                    String[] at = value.split("@", 2);
                    if (at[0].contains(":")) {
                        interfaces.add(new String[] {at[0], at.length > 1 ? at[1] : null});
                    } else {
                        notes.add(new ImportNote(file, n, Kind.NOT_TRANSLATED, "interface " + value + " is IPv4;"
                                + " the boot network is IPv6 only"));
                    }
                }
                case "server/port" -> port = value;
                case "server/access-control" -> {
                    String[] parts = value.split("\\s+");
                    String prefix = parts[0];
                    String action = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "";
                    if (!prefix.contains(":")) {
                        notes.add(new ImportNote(file, n, Kind.NOT_TRANSLATED, "access-control " + value
                                + ": IPv4, left out"));
                    } else if (prefix.equals("::1") || prefix.equals("::1/128")) {
                        notes.add(new ImportNote(file, n, Kind.NOT_TRANSLATED, "access-control " + value
                                + ": loopback is always allowed by ipv6boot"));
                    } else if (action.equals("allow") || action.equals("refuse") || action.equals("deny")) {
                        access.put(prefix.contains("/") ? prefix : prefix + "/128", action);
                    } else if (action.startsWith("allow")) {
                        access.put(prefix.contains("/") ? prefix : prefix + "/128", "allow");
                        notes.add(new ImportNote(file, n, Kind.ASSUMED, "access-control action " + action
                                + " imported as allow"));
                    } else {
                        notes.add(new ImportNote(file, n, Kind.NOT_TRANSLATED, "access-control action '" + action
                                + "' has no ipv6boot equivalent (allow, refuse, deny)"));
                    }
                }
                case "server/local-data" -> {
                    String[] parts = value.split("\\s+");
                    int type = parts.length >= 3 && parts[1].equalsIgnoreCase("IN") ? 2 : 1;
                    if (parts.length == type + 2 && parts[type].equalsIgnoreCase("AAAA")) {
                        String name = parts[0].endsWith(".") ? parts[0].substring(0, parts[0].length() - 1) : parts[0];
                        hosts.put(name, parts[type + 1]);
                    } else {
                        notes.add(new ImportNote(file, n, Kind.NOT_TRANSLATED, "local-data '" + value
                                + "': only AAAA records are answered locally"));
                    }
                }
                case "forward-zone/name" -> zoneName = value;
                case "forward-zone/forward-addr" -> {
                    if (!".".equals(zoneName)) {
                        notes.add(new ImportNote(file, n, Kind.NOT_TRANSLATED, "forward-zone " + zoneName
                                + ": ipv6boot forwards every name to the same upstreams"));
                    } else if (!value.split("[@#]")[0].contains(":")) {
                        notes.add(new ImportNote(file, n, Kind.NOT_TRANSLATED, "forward-addr " + value
                                + " is IPv4; the boot network is IPv6 only"));
                    } else {
                        String[] at = value.split("#", 2)[0].split("@", 2);
                        upstreams.add("[" + at[0] + "]:" + (at.length > 1 ? at[1] : "53"));
                    }
                }
                default -> notes.add(new ImportNote(file, n, Kind.NOT_TRANSLATED, (section.isEmpty() ? "" : section
                        + " ") + key + ": " + value + " has no ipv6boot equivalent"));
            }
        }
        if (zoneLine == 0) {
            notes.add(new ImportNote(file, serverLine, Kind.NOT_TRANSLATED, "no forward-zone: unbound resolved"
                    + " from the root servers itself, ipv6boot's DNS only forwards; set dns.upstreams"));
        }
        List<String> listen = new ArrayList<>();
        for (String[] i : interfaces) {
            String address = i[0].equals("::0") ? "::" : i[0];
            listen.add("[" + address + "]:" + (i[1] != null ? i[1] : port));
        }
        return new UnboundConf(listen, access, upstreams, hosts, serverLine, notes);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
