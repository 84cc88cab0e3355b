package dev.ipv6boot.ndp.sender;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the Java 22 class is the one that runs here, although tests see the exploded class directory where
 * the JVM does not pick multi-release versions by itself.
 */
class Icmpv6SocketsTest {

    @Test
    void loadsTheJava22ImplementationFromTheVersionedDirectory() throws Exception {
        assertTrue(Runtime.version().feature() >= 22, "the build runs tests on JDK 25");
        Class<?> implementation = Icmpv6Sockets.implementation();
        assertEquals(Icmpv6Sockets.NATIVE_CLASS, implementation.getName());
        assertTrue(Icmpv6Socket.class.isAssignableFrom(implementation));
        assertEquals(Icmpv6Sockets.class.getPackage(), implementation.getPackage(), "same runtime package");
        assertTrue(Icmpv6Sockets.supported());
        try (InputStream in = Icmpv6Sockets.class.getResourceAsStream(
                "/META-INF/versions/22/dev/ipv6boot/ndp/sender/FfmIcmpv6Socket.class")) {
            assertNotNull(in, "compiled by the java22 execution into META-INF/versions/22");
            DataInputStream data = new DataInputStream(in);
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort();
            assertEquals(66, data.readUnsignedShort(), "class file version of Java 22");
        }
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.ipv6boot.ndp.sender.NoSuchClass"));
    }

    @Test
    void namesTheMissingInterface() {
        RawSocketException e = assertThrows(RawSocketException.class,
                () -> Icmpv6Sockets.open("i6none0", 100));
        assertTrue(e.getMessage().contains("no interface i6none0"), e.getMessage());
    }
}
