package dev.ipv6boot.dns;

import org.xbill.DNS.Message;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/** A plain blocking DNS client for tests: raw bytes over UDP or TCP, null when nothing comes back in time. */
final class TestClient {
    private TestClient() {
    }

    static byte[] udp(InetSocketAddress server, byte[] query, int timeoutMillis) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(timeoutMillis);
            socket.send(new DatagramPacket(query, query.length, server));
            byte[] buffer = new byte[65535];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            return Arrays.copyOf(buffer, packet.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    static Message udp(InetSocketAddress server, Message query) throws IOException {
        byte[] answer = udp(server, query.toWire(), 5000);
        return answer == null ? null : DnsTestMessages.parse(answer);
    }

    static byte[] tcp(InetSocketAddress server, byte[] query, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(query.length);
            out.write(query);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] answer = new byte[in.readUnsignedShort()];
            in.readFully(answer);
            return answer;
        } catch (java.net.SocketException | SocketTimeoutException | EOFException e) {
            return null;   // closed or silent: no answer
        }
    }

    static Message tcp(InetSocketAddress server, Message query) throws IOException {
        byte[] answer = tcp(server, query.toWire(), 5000);
        return answer == null ? null : DnsTestMessages.parse(answer);
    }
}
