package dev.ipv6boot.examples.importer;

import java.util.List;

/**
 * An Apache virtual host as far as an artifact server cares.
 *
 * @param listen   socket addresses from {@code <VirtualHost>} and {@code Listen}
 * @param root     DocumentRoot, or null
 * @param rootLine its line
 * @param notes    what was not translated
 */
record ApacheVhost(List<String> listen, String root, int rootLine, List<ImportNote> notes) {
}
