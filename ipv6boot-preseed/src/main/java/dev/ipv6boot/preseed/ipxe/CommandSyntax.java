package dev.ipv6boot.preseed.ipxe;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What iPXE accepts for one command: its long options (with the one-letter short form getopt also takes),
 * which of them take an argument, and how many positional arguments may follow. Transcribed from the
 * synopses of the iPXE command reference (https://ipxe.org/cmd), one table so that the parser, the builder
 * and the documentation agree.
 */
record CommandSyntax(String name, Map<String, Option> longOptions, Map<Character, Option> shortOptions,
                     int minArguments, int maxArguments) {
    static final int MANY = Integer.MAX_VALUE;

    record Option(String longName, char shortName, boolean takesArgument) {
    }

    private static final Map<String, CommandSyntax> ALL = new LinkedHashMap<>();

    static {
        // names | options (long=:short takes an argument, long:short is a flag) | min..max positional
        def("autoboot", "autofree:a replace:r", 0, MANY);
        def("ifopen ifclose ifstat", "", 0, MANY);
        def("ifconf dhcp", "configurator=:c timeout=:t", 0, MANY);
        def("iflinkwait", "timeout=:t", 0, MANY);
        def("route nstat ipstat ibstat fcstat profstat login help shell poweroff", "", 0, 0);
        def("vcreate", "tag=:t priority=:p", 1, 1);
        def("vdestroy", "", 1, 1);
        def("imgstat imgfree md5sum sha1sum sha256sum sha512sum", "", 0, MANY);
        def("chain imgexec boot", "name=:n timeout=:t autofree:a replace:r", 0, MANY);
        def("imgfetch module initrd", "name=:n timeout=:t", 1, MANY);
        def("kernel imgselect imgload", "name=:n timeout=:t autofree:a replace:r", 1, MANY);
        def("imgargs", "", 1, MANY);
        def("imgtrust", "allow:a permanent:p", 0, 0);
        def("imgverify", "signer=:s keep:k", 2, 2);
        def("imgdecrypt", "name=:n", 2, 2);
        def("imgextract", "name=:n timeout=:t", 1, 1);
        def("imgmem", "name=:n", 3, 3);
        def("shim", "require-loader:l allow-pxe:p allow-sbat:s timeout=:t keep:k", 0, 1);
        def("fdt", "timeout=:t", 0, 1);
        def("sanhook", "drive=:d no-describe:n keep:k filename=:f extra=:e label=:l uuid=:u", 1, MANY);
        def("sanboot", "drive=:d no-describe:n keep:k filename=:f extra=:e label=:l uuid=:u", 0, MANY);
        def("sanunhook", "drive=:d", 0, 0);
        def("fcels", "port=:p id=:i", 1, 1);
        def("config", "", 0, 1);
        def("show clear read", "", 1, 1);
        def("set", "", 1, MANY);
        def("inc", "", 1, 2);
        def("menu", "name=:n delete:d", 0, MANY);
        def("item", "menu=:m key=:k default:d gap:g", 0, MANY);
        def("choose", "menu=:m default=:d timeout=:t keep:k", 1, 1);
        def("prompt", "key=:k timeout=:t", 0, MANY);
        def("isset", "", 0, 1);
        def("iseq", "", 0, 2);
        def("goto", "", 1, 1);
        def("echo", "n:n", 0, MANY);
        def("sleep", "", 1, 1);
        def("exit", "", 0, 1);
        def("reboot", "warm:w", 0, 0);
        def("nslookup", "", 2, 2);
        def("ping", "size=:s timeout=:t count=:c quiet:q", 1, 1);
        def("ntp", "", 1, 1);
        def("time", "", 1, MANY);
        def("cpuid", "ext:e ecx:c", 1, 1);
        def("pciscan", "", 1, 1);
        def("console", "x=:x y=:y left=:l right=:r top=:t bottom=:b quick:q picture=:p keep:k", 0, 0);
        def("colour", "basic=:b rgb=:r", 1, 1);
        def("cpair", "foreground=:f background=:b", 1, 1);
        def("param", "params=:p header:H", 1, 2);
        def("params", "name=:n delete:d", 0, 0);
        def("certstat certstore certfree", "", 0, MANY);
        def("lotest", "mtu=:m", 2, 2);
        def("sync", "timeout=:t", 0, 0);
    }

    private static void def(String names, String options, int min, int max) {
        Map<String, Option> longs = new HashMap<>();
        Map<Character, Option> shorts = new HashMap<>();
        for (String spec : options.split(" ")) {
            if (spec.isEmpty()) {
                continue;
            }
            int colon = spec.lastIndexOf(':');
            String longPart = spec.substring(0, colon);
            boolean takes = longPart.endsWith("=");
            String longName = takes ? longPart.substring(0, longPart.length() - 1) : longPart;
            Option o = new Option(longName, spec.charAt(colon + 1), takes);
            longs.put(longName, o);
            shorts.put(o.shortName(), o);
        }
        for (String name : names.split(" ")) {
            ALL.put(name, new CommandSyntax(name, Map.copyOf(longs), Map.copyOf(shorts), min, max));
        }
    }

    static Optional<CommandSyntax> of(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    static Set<String> names() {
        return ALL.keySet();
    }

    /** The known command closest to {@code name} by edit distance, when it is at most 2 edits away. */
    static Optional<String> closest(String name) {
        String best = null;
        int bestDistance = 3;
        for (String known : ALL.keySet()) {
            int d = distance(name, known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
