package dev.ipv6boot.testkit.leak;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeakCheckExtensionTest {

    private static final ExtensionContext CONTEXT = (ExtensionContext) Proxy.newProxyInstance(
            LeakCheckExtensionTest.class.getClassLoader(), new Class<?>[]{ExtensionContext.class},
            (proxy, method, args) -> method.getName().equals("getDisplayName") ? "leaky()" : null);

    @Test
    void failsTheTestThatDroppedAnUnreleasedBuffer() {
        leakOneBuffer();
        // The detector sees a leak only once the collector has queued the dropped buffer, which on a loaded
        // machine can take more than one round of the extension; a bounded number of rounds must catch it.
        AssertionError error = null;
        for (int round = 0; round < 20 && error == null; round++) {
            try {
                new LeakCheckExtension().afterEach(CONTEXT);
            } catch (AssertionError reported) {
                error = reported;
            }
        }
        assertNotNull(error, "a dropped, unreleased buffer was never reported");
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
