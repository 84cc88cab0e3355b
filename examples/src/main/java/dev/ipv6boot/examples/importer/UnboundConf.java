package dev.ipv6boot.examples.importer;

import java.util.List;
import java.util.Map;

/**
 * What {@link UnboundConfReader} understood of an unbound.conf, in ipv6boot's terms.
 *
 * @param listen        socket addresses ({@code [2001:db8::1]:53})
 * @param accessControl prefix to allow, refuse or deny, in file order
 * @param upstreams     the forward-addr of the root forward-zone, as socket addresses
 * @param hosts         local-data AAAA records: name to address
 * @param serverLine    the line of {@code server:}, where notes about the whole server go
 * @param notes         what was not translated
 */
record UnboundConf(List<String> listen, Map<String, String> accessControl, List<String> upstreams,
                   Map<String, String> hosts, int serverLine, List<ImportNote> notes) {
}
