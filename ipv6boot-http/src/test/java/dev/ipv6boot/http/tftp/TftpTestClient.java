package dev.ipv6boot.http.tftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small RFC 1350/2347/7440 client for tests: one socket, one transfer at a time. */
final class TftpTestClient implements AutoCloseable {
    final DatagramSocket socket;
    SocketAddress transferPort;

    TftpTestClient() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress("::1", 0));
        socket.setSoTimeout(5000);
    }

    void send(SocketAddress to, byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    static byte[] request(int opcode, String filename, String mode, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(opcode >> 8);
        out.write(opcode);
        for (String text : concat(filename, mode, options)) {
            out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
        }
        return out.toByteArray();
    }

    private static String[] concat(String a, String b, String[] rest) {
        String[] all = new String[rest.length + 2];
        all[0] = a;
        all[1] = b;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    static byte[] ack(int block) {
        return new byte[]{0, 4, (byte) (block >> 8), (byte) block};
    }

    /** Receives one packet; records the sender as the transfer's port. */
    ByteBuffer receive() throws IOException {
        byte[] buffer = new byte[65536 + 4];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        transferPort = packet.getSocketAddress();
        return ByteBuffer.wrap(buffer, 0, packet.getLength());
    }

    /** The error code of an ERROR packet, or -1 for any other packet. */
    static int errorCode(ByteBuffer packet) {
        return packet.getShort(0) == 5 ? packet.getShort(2) & 0xffff : -1;
    }

    static Map<String, String> oackOptions(ByteBuffer packet) {
        Map<String, String> options = new LinkedHashMap<>();
        String[] parts = new String(packet.array(), 2, packet.limit() - 2, StandardCharsets.US_ASCII).split("\0");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            options.put(parts[i], parts[i + 1]);
        }
        return options;
    }

    /**
     * Downloads a file, acknowledging at the end of each window (RFC 7440 §4) and the last block; re-sends the
     * last ACK on timeout. Returns the bytes.
     */
    byte[] download(int blockSize, int windowSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long expected = 1;
        int inWindow = 0;
        int timeouts = 0;
        while (true) {
            ByteBuffer packet;
            try {
                packet = receive();
            } catch (SocketTimeoutException e) {
                if (++timeouts > 5) {
                    throw e;
                }
                send(transferPort, ack((int) ((expected - 1) & 0xffff)));
                continue;
            }
            if (packet.getShort(0) == 6) {
                continue;   // a retransmitted OACK, already acknowledged
            }
            if (packet.getShort(0) != 3) {
                throw new IOException("expected DATA, got opcode " + packet.getShort(0) + " error " + errorCode(packet));
            }
            int block = packet.getShort(2) & 0xffff;
            if (block != (expected & 0xffff)) {
                continue;   // out of order or duplicate: wait for the retransmission
            }
            int length = packet.limit() - 4;
            out.write(packet.array(), 4, length);
            expected++;
            inWindow++;
            boolean last = length < blockSize;
            if (last || inWindow == windowSize) {
                send(transferPort, ack(block));
                inWindow = 0;
            }
            if (last) {
                return out.toByteArray();
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
