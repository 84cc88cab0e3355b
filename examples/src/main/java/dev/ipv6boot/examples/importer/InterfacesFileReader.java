package dev.ipv6boot.examples.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the static IPv6 addresses of Debian's {@code /etc/network/interfaces} ({@code iface NAME inet6 static},
 * {@code address A[/LEN]}, {@code netmask LEN}): the boot server's own address, which radvd's {@code prefix ::/64}
 * silently depended on.
 */
final class InterfacesFileReader {
    /** One configured address. */
    record Address(String interfaceName, String address, int prefixLength, int line) {
    }

    private InterfacesFileReader() {
    }

    static List<Address> read(String text) {
        List<Address> out = new ArrayList<>();
        String current = null;
        String address = null;
        int addressLine = 0;
        int length = 64;
        String[] lines = text.split("\n", -1);
        for (int n = 1; n <= lines.length + 1; n++) {
            String line = n <= lines.length ? lines[n - 1].trim() : "iface";
            String[] w = line.split("\\s+");
            if (w[0].equals("iface") || w[0].equals("auto") || w[0].equals("allow-hotplug")) {
                if (current != null && address != null) {
                    out.add(new Address(current, address, length, addressLine));
                }
                current = w.length >= 4 && w[0].equals("iface") && w[2].equals("inet6") && w[3].equals("static")
                        ? w[1] : null;
                address = null;
                length = 64;
            } else if (current != null && w[0].equals("address") && w.length == 2) {
                String[] parts = w[1].split("/", 2);
                address = parts[0];
                addressLine = n;
                if (parts.length == 2) {
                    length = Integer.parseInt(parts[1]);
                }
            } else if (current != null && w[0].equals("netmask") && w.length == 2 && w[1].matches("\\d+")) {
                length = Integer.parseInt(w[1]);
            }
        }
        return out;
    }
}
