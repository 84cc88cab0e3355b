package dev.ipv6boot.dns;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.TextParseException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/** A resource record the forwarder answers itself, authoritatively, without asking upstream. */
public record LocalRecord(Record record) {
    /** TTL of host records: short, since leases come and go. */
    public static final long HOST_TTL_SECONDS = 60;

    public LocalRecord {
        Objects.requireNonNull(record, "record");
        if (record.getDClass() != DClass.IN) {
            throw new IllegalArgumentException("local records are class IN: " + record);
        }
    }

    /** The AAAA (or A) record of {@code name} and the PTR record of {@code address} pointing back at it. */
    public static List<LocalRecord> host(String name, InetAddress address) {
        Name owner = absolute(name);
        Record forward = address instanceof Inet6Address
                ? new AAAARecord(owner, DClass.IN, HOST_TTL_SECONDS, address)
                : new ARecord(owner, DClass.IN, HOST_TTL_SECONDS, (Inet4Address) address);
        Record reverse = new PTRRecord(ReverseMap.fromAddress(address), DClass.IN, HOST_TTL_SECONDS, owner);
        return List.of(new LocalRecord(forward), new LocalRecord(reverse));
    }

    static Name absolute(String name) {
        try {
            return Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a domain name: " + name, e);
        }
    }
}
