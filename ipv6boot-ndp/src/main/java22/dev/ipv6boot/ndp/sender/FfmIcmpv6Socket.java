package dev.ipv6boot.ndp.sender;

import dev.ipv6boot.ndp.codec.Ipv6Address;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The raw ICMPv6 socket on Linux through the FFM API (Java 22): {@code socket(AF_INET6, SOCK_RAW,
 * IPPROTO_ICMPV6)} with the options of RFC 3542 and a receive timeout so a closing advertiser is noticed.
 * Constants and struct layouts are Linux x86-64 and aarch64 (LP64). Loaded only through {@link Icmpv6Sockets};
 * deliberately one class without nested classes, so it can be defined from an exploded class directory.
 */
@SuppressWarnings("restricted")     // calling libc is the point; the JVM needs --enable-native-access for it
final class FfmIcmpv6Socket implements Icmpv6Socket {
    private static final int AF_INET6 = 10;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPPROTO_ICMPV6 = 58;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_RCVBUF = 8;
    private static final int SO_BINDTODEVICE = 25;
    private static final int IPV6_UNICAST_HOPS = 16;
    private static final int IPV6_MULTICAST_IF = 17;
    private static final int IPV6_MULTICAST_HOPS = 18;
    private static final int IPV6_MULTICAST_LOOP = 19;
    private static final int IPV6_ADD_MEMBERSHIP = 20;
    private static final int IPV6_RECVHOPLIMIT = 51;
    private static final int IPV6_HOPLIMIT = 52;
    private static final int ICMP6_FILTER = 1;
    private static final int ROUTER_SOLICITATION = 133;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;
    private static final int EPERM = 1;
    private static final int EACCES = 13;
    private static final int SOCKADDR_IN6_SIZE = 28;    // family 2, port 2, flowinfo 4, addr 16, scope id 4
    private static final int MSGHDR_SIZE = 56;          // name 8, namelen 4+4, iov 8, iovlen 8, control 8, controllen 8, flags 4+4
    private static final int BUFFER_SIZE = 65536;
    private static final int CONTROL_SIZE = 128;
    private static final ValueLayout.OfLong BIG_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final long ERRNO_OFFSET = CALL_STATE.byteOffset(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final MethodHandle SOCKET = function("socket",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle SETSOCKOPT = function("setsockopt", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle BIND = function("bind",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle SENDTO = function("sendto", FunctionDescriptor.of(ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
            ValueLayout.JAVA_INT));
    private static final MethodHandle RECVMSG = function("recvmsg",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().find("close").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LINKER.defaultLookup().find("strerror").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS.withTargetLayout(MemoryLayout.sequenceLayout(256, ValueLayout.JAVA_BYTE)),
                    ValueLayout.JAVA_INT));

    private final String interfaceName;
    private final int interfaceIndex;
    private final int fd;
    private final Arena arena = Arena.ofAuto();   // freed by the collector, never under a thread still in recvmsg
    private final MemorySegment callState = arena.allocate(CALL_STATE);
    private final MemorySegment sendBuffer = arena.allocate(BUFFER_SIZE, 8);
    private final ByteBuffer sendView = sendBuffer.asByteBuffer();
    private final MemorySegment sendAddress = arena.allocate(SOCKADDR_IN6_SIZE, 8);
    private final MemorySegment receiveState = arena.allocate(CALL_STATE);
    private final MemorySegment receiveBuffer = arena.allocate(BUFFER_SIZE, 8);
    private final ByteBuffer receiveView = receiveBuffer.asByteBuffer();
    private final MemorySegment receiveAddress = arena.allocate(SOCKADDR_IN6_SIZE, 8);
    private final MemorySegment receiveControl = arena.allocate(CONTROL_SIZE, 8);
    private final MemorySegment receiveIovec = arena.allocate(16, 8);
    private final MemorySegment receiveHeader = arena.allocate(MSGHDR_SIZE, 8);
    private volatile boolean closed;

    private FfmIcmpv6Socket(String interfaceName, int interfaceIndex, int fd) {
        this.interfaceName = interfaceName;
        this.interfaceIndex = interfaceIndex;
        this.fd = fd;
    }

    private static MethodHandle function(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), descriptor, ERRNO);
    }

    /** Called reflectively by {@link Icmpv6Sockets#open}. */
    static Icmpv6Socket open(String interfaceName, int interfaceIndex, byte[] linkLocal, int receiveTimeoutMillis)
            throws IOException {
        MemorySegment state = Arena.global().allocate(CALL_STATE);
        int fd;
        try {
            fd = (int) SOCKET.invokeExact(state, AF_INET6, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMPV6);
        } catch (Throwable e) {
            throw new RawSocketException("socket() failed", e);
        }
        if (fd < 0) {
            int errno = state.get(ValueLayout.JAVA_INT, ERRNO_OFFSET);
            if (errno == EPERM || errno == EACCES) {
                throw new RawSocketException("raw ICMPv6 socket refused (" + describe(errno) + "): the process needs"
                        + " CAP_NET_RAW, e.g. run as root or setcap cap_net_raw+ep on the java binary");
            }
            throw new RawSocketException("socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6) failed: " + describe(errno));
        }
        FfmIcmpv6Socket socket = new FfmIcmpv6Socket(interfaceName, interfaceIndex, fd);
        try {
            socket.configure(linkLocal, receiveTimeoutMillis);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    private void configure(byte[] linkLocal, int receiveTimeoutMillis) throws IOException {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment name = scratch.allocateFrom(interfaceName);
            setOption(SOL_SOCKET, SO_BINDTODEVICE, name, (int) name.byteSize(), "SO_BINDTODEVICE " + interfaceName);
            setInt(scratch, IPPROTO_IPV6, IPV6_UNICAST_HOPS, 255, "IPV6_UNICAST_HOPS");     // RFC 4861 §6.1.2
            setInt(scratch, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, 255, "IPV6_MULTICAST_HOPS");
            setInt(scratch, IPPROTO_IPV6, IPV6_MULTICAST_IF, interfaceIndex, "IPV6_MULTICAST_IF");
            setInt(scratch, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
            setInt(scratch, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");       // to check 255 on RS
            setInt(scratch, SOL_SOCKET, SO_RCVBUF, 1 << 20, "SO_RCVBUF");

            // struct icmp6_filter: 256 bits; on Linux a set bit blocks the type (RFC 3542 §3.2 macros inverted).
            MemorySegment filter = scratch.allocate(32, 4);
            filter.fill((byte) 0xff);
            int word = ROUTER_SOLICITATION >>> 5;
            filter.setAtIndex(ValueLayout.JAVA_INT, word,
                    filter.getAtIndex(ValueLayout.JAVA_INT, word) & ~(1 << (ROUTER_SOLICITATION & 31)));
            setOption(IPPROTO_ICMPV6, ICMP6_FILTER, filter, 32, "ICMP6_FILTER");

            MemorySegment membership = scratch.allocate(20, 4);     // struct ipv6_mreq: in6_addr, int ifindex
            membership.set(BIG_LONG, 0, 0xff02_0000_0000_0000L);   // ff02::2 all-routers, RFC 4291 §2.7.1
            membership.set(BIG_LONG, 8, 2L);
            membership.set(ValueLayout.JAVA_INT, 16, interfaceIndex);
            setOption(IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, membership, 20, "IPV6_ADD_MEMBERSHIP ff02::2");

            MemorySegment timeout = scratch.allocate(16, 8);        // struct timeval
            timeout.set(ValueLayout.JAVA_LONG, 0, receiveTimeoutMillis / 1000);
            timeout.set(ValueLayout.JAVA_LONG, 8, (receiveTimeoutMillis % 1000) * 1000L);
            setOption(SOL_SOCKET, SO_RCVTIMEO, timeout, 16, "SO_RCVTIMEO");

            MemorySegment local = scratch.allocate(SOCKADDR_IN6_SIZE, 8);
            local.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET6);
            MemorySegment.copy(MemorySegment.ofArray(linkLocal), 0, local, 8, 16);
            local.set(ValueLayout.JAVA_INT, 24, interfaceIndex);
            int result = (int) BIND.invokeExact(callState, fd, local, SOCKADDR_IN6_SIZE);
            if (result != 0) {
                throw new RawSocketException("bind to the link-local address of " + interfaceName + " failed: "
                        + describe(errno(callState)));
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new RawSocketException("configuring the raw socket failed", e);
        }
        // The receive message header points at fixed buffers once; recvmsg only rewrites lengths.
        receiveIovec.set(ValueLayout.ADDRESS, 0, receiveBuffer);
        receiveIovec.set(ValueLayout.JAVA_LONG, 8, BUFFER_SIZE);
        receiveHeader.set(ValueLayout.ADDRESS, 0, receiveAddress);
        receiveHeader.set(ValueLayout.ADDRESS, 16, receiveIovec);
        receiveHeader.set(ValueLayout.JAVA_LONG, 24, 1);
        receiveHeader.set(ValueLayout.ADDRESS, 32, receiveControl);
        sendAddress.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET6);
        sendAddress.set(ValueLayout.JAVA_INT, 24, interfaceIndex);
    }

    private void setInt(Arena scratch, int level, int option, int value, String what) throws Throwable {
        MemorySegment segment = scratch.allocate(ValueLayout.JAVA_INT);
        segment.set(ValueLayout.JAVA_INT, 0, value);
        setOption(level, option, segment, 4, what);
    }

    private void setOption(int level, int option, MemorySegment value, int length, String what) throws Throwable {
        int result = (int) SETSOCKOPT.invokeExact(callState, fd, level, option, value, length);
        if (result != 0) {
            throw new RawSocketException("setsockopt " + what + " failed: " + describe(errno(callState)));
        }
    }

    @Override
    public synchronized void send(ByteBuf message, Ipv6Address destination) throws IOException {
        int length = message.readableBytes();
        if (length > BUFFER_SIZE) {
            throw new RawSocketException("ICMPv6 message of " + length + " bytes is larger than 64 KiB");
        }
        if (closed) {
            throw new RawSocketException("socket on " + interfaceName + " is closed");
        }
        sendView.clear().limit(length);
        message.getBytes(message.readerIndex(), sendView);
        sendAddress.set(BIG_LONG, 8, destination.high());
        sendAddress.set(BIG_LONG, 16, destination.low());
        long sent;
        try {
            sent = (long) SENDTO.invokeExact(callState, fd, sendBuffer, (long) length, 0, sendAddress, SOCKADDR_IN6_SIZE);
        } catch (Throwable e) {
            throw new RawSocketException("sendto failed", e);
        }
        if (sent != length) {
            throw new RawSocketException("sendto " + destination + " on " + interfaceName + " failed: "
                    + (sent < 0 ? describe(errno(callState)) : "sent " + sent + " of " + length + " bytes"));
        }
    }

    @Override
    public int receive(ByteBuf into, long[] source) throws IOException {
        if (closed) {
            throw new RawSocketException("socket on " + interfaceName + " is closed");
        }
        receiveHeader.set(ValueLayout.JAVA_INT, 8, SOCKADDR_IN6_SIZE);
        receiveHeader.set(ValueLayout.JAVA_LONG, 40, CONTROL_SIZE);
        receiveHeader.set(ValueLayout.JAVA_INT, 48, 0);
        long received;
        try {
            received = (long) RECVMSG.invokeExact(receiveState, fd, receiveHeader, 0);
        } catch (Throwable e) {
            throw new RawSocketException("recvmsg failed", e);
        }
        if (received < 0) {
            int errno = errno(receiveState);
            if (errno == EAGAIN || errno == EINTR) {
                return -1;
            }
            throw new RawSocketException("recvmsg on " + interfaceName + " failed: " + describe(errno));
        }
        receiveView.clear().limit((int) received);
        into.writeBytes(receiveView);
        source[0] = receiveAddress.get(BIG_LONG, 8);
        source[1] = receiveAddress.get(BIG_LONG, 16);
        return hopLimit(receiveHeader.get(ValueLayout.JAVA_LONG, 40));
    }

    /** Walks the control messages (struct cmsghdr: len 8, level 4, type 4, data aligned to 8) for the hop limit. */
    private int hopLimit(long controlLength) {
        long at = 0;
        while (at + 16 <= controlLength) {
            long length = receiveControl.get(ValueLayout.JAVA_LONG, at);
            if (length < 16) {
                break;
            }
            if (receiveControl.get(ValueLayout.JAVA_INT, at + 8) == IPPROTO_IPV6
                    && receiveControl.get(ValueLayout.JAVA_INT, at + 12) == IPV6_HOPLIMIT && length >= 20) {
                return receiveControl.get(ValueLayout.JAVA_INT, at + 16);
            }
            at += (length + 7) & ~7L;
        }
        return HOP_LIMIT_UNKNOWN;
    }

    @Override
    public String interfaceName() {
        return interfaceName;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable e) {
            // nothing to do: the descriptor is gone either way
        }
    }

    private static int errno(MemorySegment state) {
        return state.get(ValueLayout.JAVA_INT, ERRNO_OFFSET);
    }

    private static String describe(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.getString(0) + " (errno " + errno + ")";
        } catch (Throwable e) {
            return "errno " + errno;
        }
    }
}
