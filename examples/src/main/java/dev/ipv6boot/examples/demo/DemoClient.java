package dev.ipv6boot.examples.demo;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.Dhcp6Writer;
import dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat;
import dev.ipv6boot.preseed.net.MacAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The protocol side of one demo client: DHCPv6 through a relay hop the demo plays itself, TFTP and HTTP downloads.
 * Every wait is bounded (a few attempts of a few seconds), so a broken server fails the demo instead of hanging it.
 */
final class DemoClient implements AutoCloseable {
    /** The relay's address on the rack's link (in the demo subnet): the server picks the subnet by it. */
    private static final long LINK_HIGH = 0x20010db800000000L;
    private static final long LINK_LOW = 0xffL;
    private static final int ATTEMPTS = 3;
    private static final int TIMEOUT_MILLIS = 3000;

    /** What a DHCPv6 reply said. */
    record Reply(int type, String bootUrl, long addressHigh, long addressLow, byte[] serverId) {
        boolean hasAddress() {
            return addressHigh != 0 || addressLow != 0;
        }

        String address() {
            return Ipv6AddressFormat.toString(addressHigh, addressLow);
        }
    }

    private final MacAddress mac;
    private final InetSocketAddress server;
    private final DatagramSocket socket;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);

    DemoClient(MacAddress mac, InetSocketAddress dhcp6Server) throws IOException {
        this.mac = mac;
        this.server = dhcp6Server;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0));
        this.socket.setSoTimeout(TIMEOUT_MILLIS);
    }

    /**
     * Sends {@code message} as a relay agent would (RFC 9915 §19.1): a Relay-forward from the rack's link, the
     * client's link-local EUI-64 address as peer, its MAC in a Client Link-Layer Address option (RFC 6939), and
     * returns what the Relay-reply carried.
     */
    Reply exchange(byte[] message) throws IOException {
        byte[] relayed = relayForward(message);
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            socket.send(new DatagramPacket(relayed, relayed.length, server));
            DatagramPacket answer = new DatagramPacket(new byte[2048], 2048);
            try {
                socket.receive(answer);
            } catch (SocketTimeoutException e) {
                last = e;
                continue;
            }
            ByteBuf in = Unpooled.wrappedBuffer(answer.getData(), 0, answer.getLength());
            if (!view.wrap(in) || !view.isRelay()) {
                throw new IOException("not a Relay-reply: " + view.error());
            }
            return reply(view.innermost());
        }
        throw new IOException("no answer from the DHCPv6 server at " + server + " after " + ATTEMPTS + " attempts", last);
    }

    private byte[] relayForward(byte[] message) {
        long eui64 = ((mac.value() >>> 24) ^ 0x02_0000L) << 40 | 0xff_feL << 24 | (mac.value() & 0xff_ffffL);
        ByteBuf out = Unpooled.buffer(2048);
        Dhcp6Writer w = new Dhcp6Writer().begin(out, 2048)
                .relayHeader(12, 0, LINK_HIGH, LINK_LOW, 0xfe80_0000_0000_0000L, eui64)   // Relay-forward
                .option(OptionCodes.INTERFACE_ID, "demo-rack-port-1".getBytes(StandardCharsets.US_ASCII))
                .clientLinkLayerAddress(1, mac.value())
                .relayMessage().bytes(message).endOption();
        if (!w.finish()) {
            throw new IllegalStateException("relay-forward does not encode: " + w.error());
        }
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    private static Reply reply(Dhcp6MessageView v) {
        ByteBuf b = v.buffer();
        String url = null;
        int i = v.indexOf(OptionCodes.BOOT_FILE_URL);
        if (i >= 0) {
            url = b.toString(v.optionOffset(i), v.optionLength(i), StandardCharsets.US_ASCII);
        }
        long high = 0;
        long low = 0;
        int ia = v.indexOf(OptionCodes.IA_NA);
        if (ia >= 0 && v.optionLength(ia) >= 12 + 4 + 24) {
            int inner = v.optionOffset(ia) + 12;                   // IAID, T1, T2 (RFC 9915 §21.4)
            if (b.getUnsignedShort(inner) == OptionCodes.IA_ADDRESS) {
                high = b.getLong(inner + 4);                      // IA Address: the address first (§21.6)
                low = b.getLong(inner + 12);
            }
        }
        byte[] serverId = null;
        int s = v.indexOf(OptionCodes.SERVER_ID);
        if (s >= 0) {
            serverId = new byte[v.optionLength(s)];
            b.getBytes(v.optionOffset(s), serverId);
        }
        return new Reply(v.messageType(), url, high, low, serverId);
    }

    /**
     * The Request a client sends after {@code solicit}'s Advertise (RFC 9915 §18.2.2): the Solicit's options as they
     * were (client ID, ORO, classes, architecture), the server's ID, and the offered address in the IA_NA.
     */
    static byte[] request(byte[] solicit, int transactionId, Reply advertise) {
        Dhcp6MessageView s = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        ByteBuf in = Unpooled.wrappedBuffer(solicit);
        if (!s.wrap(in)) {
            throw new IllegalArgumentException("the Solicit does not parse: " + s.error());
        }
        ByteBuf out = Unpooled.buffer(1024);
        Dhcp6Writer w = new Dhcp6Writer().begin(out, 1024).header(3, transactionId);
        for (int i = 0; i < s.optionCount(); i++) {
            int code = s.optionCode(i);
            if (code == OptionCodes.IA_NA) {
                long iaid = in.getUnsignedInt(s.optionOffset(i));  // 4 bytes IAID, RFC 9915 §21.4
                w.iaNa(iaid, 0, 0).iaAddress(advertise.addressHigh(), advertise.addressLow(), 0, 0).endOption();
            } else if (code != OptionCodes.RAPID_COMMIT) {
                w.option(code, in, s.optionOffset(i), s.optionLength(i));
            }
        }
        w.serverId(advertise.serverId());
        if (!w.finish()) {
            throw new IllegalStateException("request does not encode: " + w.error());
        }
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    /** A solicit with its transaction ID replaced (octets 1-3, RFC 9915 §8), so each run is a new exchange. */
    static byte[] withTransactionId(byte[] message, int transactionId) {
        byte[] copy = message.clone();
        copy[1] = (byte) (transactionId >>> 16);
        copy[2] = (byte) (transactionId >>> 8);
        copy[3] = (byte) transactionId;
        return copy;
    }

    /** Reads {@code tftpUrl} (RFC 1350: RRQ in octet mode, 512-octet blocks, each acknowledged). */
    static byte[] tftpGet(URI tftpUrl) throws IOException {
        String file = tftpUrl.getPath().startsWith("/") ? tftpUrl.getPath().substring(1) : tftpUrl.getPath();
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(tftpUrl.getHost()),
                tftpUrl.getPort() < 0 ? 69 : tftpUrl.getPort());
        ByteArrayOutputStream rrq = new ByteArrayOutputStream();
        rrq.write(0);
        rrq.write(1);                                             // opcode 1, RRQ
        rrq.writeBytes(file.getBytes(StandardCharsets.US_ASCII));
        rrq.write(0);
        rrq.writeBytes("octet".getBytes(StandardCharsets.US_ASCII));
        rrq.write(0);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            byte[] lastSent = rrq.toByteArray();
            SocketAddress lastTo = server;
            SocketAddress transfer = null;
            int expected = 1;
            int timeouts = 0;
            socket.send(new DatagramPacket(lastSent, lastSent.length, lastTo));
            while (true) {
                DatagramPacket p = new DatagramPacket(new byte[4 + 65464], 4 + 65464);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    if (++timeouts >= ATTEMPTS) {
                        throw new IOException("TFTP: no block " + expected + " from " + server, e);
                    }
                    socket.send(new DatagramPacket(lastSent, lastSent.length, lastTo));
                    continue;
                }
                byte[] d = p.getData();
                int opcode = ((d[0] & 0xff) << 8) | (d[1] & 0xff);
                if (opcode == 5) {                                // ERROR: code, message
                    throw new IOException("TFTP error " + (((d[2] & 0xff) << 8) | (d[3] & 0xff)) + ": "
                            + new String(d, 4, Math.max(0, p.getLength() - 5), StandardCharsets.US_ASCII));
                }
                if (opcode != 3 || p.getLength() < 4) {
                    continue;
                }
                if (transfer == null) {
                    transfer = p.getSocketAddress();               // the server's transfer port (RFC 1350 §4)
                }
                int block = ((d[2] & 0xff) << 8) | (d[3] & 0xff);
                if (block == (expected & 0xffff)) {
                    content.write(d, 4, p.getLength() - 4);
                    timeouts = 0;
                    lastSent = new byte[] {0, 4, d[2], d[3]};      // ACK
                    lastTo = transfer;
                    socket.send(new DatagramPacket(lastSent, lastSent.length, lastTo));
                    if (p.getLength() - 4 < 512) {
                        return content.toByteArray();
                    }
                    expected++;
                }
            }
        }
    }

    /** GETs {@code url}; a status other than 200 is an {@link IOException}. */
    byte[] httpGet(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public void close() {
        socket.close();
        http.close();
    }
}
