package dev.ipv6boot.testkit.leak;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeakCheckExtensionTest {

    private static final ExtensionContext CONTEXT = (ExtensionContext) Proxy.newProxyInstance(
            LeakCheckExtensionTest.class.getClassLoader(), new Class<?>[]{ExtensionContext.class},
            (proxy, method, args) -> method.getName().equals("getDisplayName") ? "leaky()" : null);

    @Test
    void failsTheTestThatDroppedAnUnreleasedBuffer() {
        leakOneBuffer();
        AssertionError error = assertThrows(AssertionError.class, () -> new LeakCheckExtension().afterEach(CONTEXT));
        assertTrue(error.getMessage().contains("leaky()"), error.getMessage());
        assertTrue(error.getMessage().contains("release() was not called"), error.getMessage());
    }

    @Test
    void passesWhenEveryBufferWasReleased() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        buf.writeLong(1);
        buf.release();
        assertDoesNotThrow(() -> new LeakCheckExtension().afterEach(CONTEXT));
    }

    private static void leakOneBuffer() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        buf.writeLong(42);
    }
}
