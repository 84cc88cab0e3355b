package dev.ipv6boot.testkit.leak;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * Fails a test whose code leaked a ByteBuf. Registered for every test through JUnit's extension
 * auto-detection (the root pom turns it on); leaks are only seen when the objects are collected, so after
 * each test it forces collection and lets the detector drain its reference queue.
 */
public final class LeakCheckExtension implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        if (ResourceLeakDetector.getLevel() == ResourceLeakDetector.Level.DISABLED) {
            return;
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            System.runFinalization();
            // The detector polls its reference queue only when a new tracked object is created.
            ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(1);
            probe.release();
            probe = UnpooledByteBufAllocator.DEFAULT.heapBuffer(1);
            probe.release();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<String> leaks = RecordingLeakDetector.drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " ByteBuf leak(s) detected in or before "
                    + context.getDisplayName() + ":\n" + String.join("\n\n", leaks));
        }
    }
}
