package dev.ipv6boot.dns;

import org.xbill.DNS.Message;

import java.io.IOException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted upstream resolver on loopback for in-JVM tests: UDP and TCP on one port, answering through a
 * function (null: stay silent), and exposing each received UDP query with its source so a test can inject
 * spoofed answers at the forwarder's real upstream socket.
 */
final class FakeUpstream implements AutoCloseable {
    /** A received query and where it came from. */
    record Received(Message query, InetSocketAddress source, boolean tcp) {
    }

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Thread udpThread;
    private final Thread tcpThread;
    private volatile Function<Received, Message> udpAnswers;
    private volatile Function<Received, Message> tcpAnswers;
    final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final AtomicInteger udpQueries = new AtomicInteger();
    final AtomicInteger tcpQueries = new AtomicInteger();

    FakeUpstream(Function<Received, Message> answers) throws IOException {
        this.udpAnswers = answers;
        this.tcpAnswers = answers;
        InetAddress loopback = InetAddress.getByName("::1");
        udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
        tcp = new ServerSocket(udp.getLocalPort(), 16, loopback);
        udpThread = new Thread(this::serveUdp, "fake-upstream-udp");
        tcpThread = new Thread(this::serveTcp, "fake-upstream-tcp");
        udpThread.setDaemon(true);
        tcpThread.setDaemon(true);
        udpThread.start();
        tcpThread.start();
    }

    void answerUdp(Function<Received, Message> answers) {
        this.udpAnswers = answers;
    }

    void answerTcp(Function<Received, Message> answers) {
        this.tcpAnswers = answers;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) udp.getLocalSocketAddress();
    }

    /** Sends raw bytes from the upstream's own socket (the right source) to {@code target}. */
    void sendFromUpstream(byte[] wire, InetSocketAddress target) throws IOException {
        udp.send(new DatagramPacket(wire, wire.length, target));
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                udpQueries.incrementAndGet();
                byte[] wire = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                Received r = new Received(new Message(wire), (InetSocketAddress) packet.getSocketAddress(), false);
                received.add(r);
                Message answer = udpAnswers.apply(r);
                if (answer != null) {
                    byte[] out = answer.toWire();
                    udp.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // a query dnsjava cannot parse: a test would notice the missing answer
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket socket = tcp.accept()) {
                socket.setSoTimeout(5000);
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                tcpQueries.incrementAndGet();
                Received r = new Received(new Message(wire), (InetSocketAddress) socket.getRemoteSocketAddress(), true);
                received.add(r);
                Message answer = tcpAnswers.apply(r);
                if (answer != null) {
                    byte[] out = answer.toWire();
                    DataOutputStream o = new DataOutputStream(socket.getOutputStream());
                    o.writeShort(out.length);
                    o.write(out);
                    o.flush();
                }
            } catch (IOException e) {
                if (tcp.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
    }
}
