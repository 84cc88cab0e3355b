package dev.ipv6boot.dhcp6.server;

/** Which Netty transport the server's sockets use. */
public enum Dhcp6Transport {
    /**
     * Native epoll when {@code netty-transport-native-epoll} (classifier {@code linux-x86_64}) is on the class
     * path and the kernel offers it, NIO otherwise.
     */
    AUTO,
    /** Native epoll, or fail to start: batched receives (recvmmsg) and sends (sendmmsg), a forced SO_RCVBUF. */
    EPOLL,
    /** The JDK's NIO: portable, one datagram per system call. */
    NIO
}
