package dev.ipv6boot.bench.dhcp6;

import org.onlab.packet.DHCP6;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.dhcp.Dhcp6ClientIdOption;
import org.onlab.packet.dhcp.Dhcp6Duid;
import org.onlab.packet.dhcp.Dhcp6IaAddressOption;
import org.onlab.packet.dhcp.Dhcp6IaNaOption;
import org.onlab.packet.dhcp.Dhcp6Option;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds, with the ONOS codec, the same Advertise that {@code Dhcp6CodecBenchmark} builds with ours: Server-ID
 * (DUID-LL), the client's Client-ID, IA_NA with one IAADDR, Preference 255, DNS servers (23) and a boot file URL
 * (59). ONOS models a message as an object graph, so each build allocates that graph and the serialised bytes.
 */
final class OnosAdvertiseBuilder {
    private final byte[] clientDuid;
    private final byte[] serverMac;
    private final Ip6Address address;
    private final byte[] dnsServer;
    private final byte[] bootUrl;

    OnosAdvertiseBuilder(byte[] clientDuid, byte[] serverMac, byte[] address, byte[] dnsServer, String bootUrl) {
        this.clientDuid = clientDuid;
        this.serverMac = serverMac;
        this.address = Ip6Address.valueOf(address);
        this.dnsServer = dnsServer;
        this.bootUrl = bootUrl.getBytes(StandardCharsets.US_ASCII);
    }

    byte[] build(int transactionId, int iaid) {
        DHCP6 advertise = new DHCP6();
        advertise.setMsgType(DHCP6.MsgType.ADVERTISE.value());
        advertise.setTransactionId(transactionId);
        List<Dhcp6Option> options = new ArrayList<>();

        Dhcp6Duid serverDuid = new Dhcp6Duid();
        serverDuid.setDuidType(Dhcp6Duid.DuidType.DUID_LL);
        serverDuid.setHardwareType((short) 1);
        serverDuid.setLinkLayerAddress(serverMac);
        Dhcp6Option serverId = new Dhcp6Option();
        serverId.setCode(DHCP6.OptionCode.SERVERID.value());
        byte[] serverDuidBytes = serverDuid.serialize();
        serverId.setLength((short) serverDuidBytes.length);
        serverId.setData(serverDuidBytes);
        options.add(serverId);

        options.add(raw(DHCP6.OptionCode.CLIENTID.value(), clientDuid));

        Dhcp6IaAddressOption iaAddress = new Dhcp6IaAddressOption();
        iaAddress.setIp6Address(address);
        iaAddress.setPreferredLifetime(3600);
        iaAddress.setValidLifetime(7200);
        Dhcp6IaNaOption iaNa = new Dhcp6IaNaOption();
        iaNa.setIaId(iaid);
        iaNa.setT1(1800);
        iaNa.setT2(2880);
        iaNa.setOptions(List.of(iaAddress));
        options.add(iaNa);

        options.add(raw(DHCP6.OptionCode.PREFERENCE.value(), new byte[]{(byte) 255}));
        options.add(raw((short) 23, dnsServer));
        options.add(raw((short) 59, bootUrl));
        advertise.setOptions(options);
        return advertise.serialize();
    }

    private static Dhcp6Option raw(short code, byte[] data) {
        Dhcp6Option option = new Dhcp6Option();
        option.setCode(code);
        option.setLength((short) data.length);
        option.setData(data);
        return option;
    }
}
