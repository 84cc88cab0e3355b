package dev.ipv6boot.examples.importer;

import dev.ipv6boot.examples.importer.ImportNote.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an Apache virtual host: {@code <VirtualHost ADDR:PORT>}, {@code Listen} and {@code DocumentRoot}. The
 * rest (logs, {@code <Directory>} permissions, modules) is noted with its line: ipv6boot serves the tree read-only
 * and logs through SLF4J.
 */
final class ApacheVhostReader {
    private ApacheVhostReader() {
    }

    static ApacheVhost read(String file, String text) {
        List<ImportNote> notes = new ArrayList<>();
        List<String> listen = new ArrayList<>();
        String root = null;
        int rootLine = 0;
        String[] lines = text.split("\n", -1);
        int blockStart = 0;
        String block = null;
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (block != null) {
                if (lower.startsWith("</" + block)) {
                    notes.add(new ImportNote(file, blockStart, Kind.NOT_TRANSLATED, "<" + block + "> (lines "
                            + blockStart + "-" + n + ") left out: ipv6boot serves the whole root read-only"));
                    block = null;
                }
                continue;
            }
            if (lower.startsWith("<virtualhost")) {
                for (String address : line.substring("<VirtualHost".length(), line.length() - 1).trim().split("\\s+")) {
                    listen.add(socketAddress(address));
                }
            } else if (lower.startsWith("</virtualhost")) {
                continue;
            } else if (lower.startsWith("<")) {
                block = lower.substring(1).split("[\\s>]", 2)[0];
                blockStart = n;
            } else if (lower.startsWith("documentroot")) {
                root = unquote(line.substring("DocumentRoot".length()).trim());
                rootLine = n;
            } else if (lower.startsWith("listen ")) {
                listen.add(socketAddress(line.substring("Listen".length()).trim()));
            } else {
                String directive = line.split("\\s+", 2)[0];
                notes.add(new ImportNote(file, n, Kind.NOT_TRANSLATED, directive + " left out"
                        + (lower.contains("log") ? ": ipv6boot logs through SLF4J" : "")));
            }
        }
        return new ApacheVhost(listen, root, rootLine, notes);
    }

    /** {@code *:80} and {@code [::]:80} listen everywhere; an address without a port gets 80. */
    private static String socketAddress(String text) {
        int colon = text.lastIndexOf(':');
        boolean hasPort = colon > 0 && (text.startsWith("*") || text.startsWith("[") && text.charAt(colon - 1) == ']'
                || text.indexOf(':') == colon);
        String host = hasPort ? text.substring(0, colon) : text;
        String port = hasPort ? text.substring(colon + 1) : "80";
        if (host.equals("*") || host.equals("_default_") || host.isEmpty()) {
            host = "::";
        }
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return "[" + host + "]:" + port;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
