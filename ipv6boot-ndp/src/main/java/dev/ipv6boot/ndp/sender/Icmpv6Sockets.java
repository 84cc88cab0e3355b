package dev.ipv6boot.ndp.sender;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Enumeration;

/**
 * Opens {@link Icmpv6Socket}s. This base-version class (Java 17) holds no native code: it reports clearly that
 * raw ICMPv6 needs Java 22+, and on 22+ it loads {@code FfmIcmpv6Socket}, which exists only in
 * {@code META-INF/versions/22}. A multi-release jar serves that class by itself; an exploded class directory
 * (an IDE, Maven's test phase) does not, so the class is then read from there and defined explicitly in this
 * package.
 */
final class Icmpv6Sockets {
    static final String NATIVE_CLASS = "dev.ipv6boot.ndp.sender.FfmIcmpv6Socket";
    static final String NEEDS_JAVA_22 = "raw ICMPv6 needs Java 22+ (the Foreign Function & Memory API); this is Java ";
    private static MethodHandle opener;

    private Icmpv6Sockets() {
    }

    /** Opens a socket on {@code interfaceName}, bound to its link-local address. */
    static Icmpv6Socket open(String interfaceName, int receiveTimeoutMillis) throws IOException {
        MethodHandle open = opener();                           // first: the JDK is the most basic requirement
        NetworkInterface nif = NetworkInterface.getByName(interfaceName);
        if (nif == null) {
            throw new RawSocketException("no interface " + interfaceName + " in this network namespace");
        }
        Inet6Address linkLocal = linkLocalAddress(nif);
        if (linkLocal == null) {
            throw new RawSocketException("interface " + interfaceName + " has no link-local IPv6 address; RAs must"
                    + " come from one (RFC 4861 §6.1.2): is it up, with IPv6 enabled?");
        }
        byte[] address = linkLocal.getAddress();
        try {
            return (Icmpv6Socket) open.invoke(interfaceName, nif.getIndex(), address, receiveTimeoutMillis);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new RawSocketException("opening the raw ICMPv6 socket failed", e);
        }
    }

    /** True when this runtime can open raw sockets at all (Java 22+ and the versioned classes present). */
    static boolean supported() {
        try {
            opener();
            return true;
        } catch (RawSocketException e) {
            return false;
        }
    }

    /** Which class answers, for tests that must prove the Java 22 code is the one running. */
    static Class<?> implementation() throws RawSocketException {
        return nativeClass();
    }

    private static synchronized MethodHandle opener() throws RawSocketException {
        if (opener == null) {
            Class<?> type = nativeClass();
            try {
                opener = MethodHandles.lookup().findStatic(type, "open", MethodType.methodType(Icmpv6Socket.class,
                        String.class, int.class, byte[].class, int.class));
            } catch (ReflectiveOperationException e) {
                throw new RawSocketException("the Java 22 raw socket class lacks its open method", e);
            }
        }
        return opener;
    }

    private static synchronized Class<?> nativeClass() throws RawSocketException {
        int feature = Runtime.version().feature();
        if (feature < 22) {
            throw new RawSocketException(NEEDS_JAVA_22 + Runtime.version()
                    + ". The codec works on 17; run the advertiser on Java 22 or later.");
        }
        try {
            return Class.forName(NATIVE_CLASS, false, Icmpv6Sockets.class.getClassLoader());
        } catch (ClassNotFoundException notInMultiReleaseJar) {
            String resource = "/META-INF/versions/22/" + NATIVE_CLASS.replace('.', '/') + ".class";
            try (InputStream in = Icmpv6Sockets.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new RawSocketException("raw ICMPv6 needs Java 22+ classes, and " + resource
                            + " is missing from the class path");
                }
                return MethodHandles.lookup().defineClass(in.readAllBytes());
            } catch (LinkageError alreadyDefined) {
                try {
                    return Class.forName(NATIVE_CLASS, false, Icmpv6Sockets.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new RawSocketException("cannot load " + NATIVE_CLASS, e);
                }
            } catch (IOException | IllegalAccessException e) {
                throw new RawSocketException("cannot load " + NATIVE_CLASS, e);
            }
        }
    }

    private static Inet6Address linkLocalAddress(NetworkInterface nif) throws SocketException {
        for (Enumeration<InetAddress> e = nif.getInetAddresses(); e.hasMoreElements(); ) {
            InetAddress address = e.nextElement();
            if (address instanceof Inet6Address v6 && v6.isLinkLocalAddress()) {
                return v6;
            }
        }
        return null;
    }
}
