package dev.ipv6boot.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short validity, what a path resolved to, and the bytes of small files, so that a boot storm
 * asking for the same script thousands of times a second does not pay realpath, stat, open, read and close
 * each time (several system calls, tens of microseconds in a sandboxed kernel). The same trade nginx's
 * {@code open_file_cache_valid} makes: a file changed on disk is seen at most {@code validity} later.
 * Refusals are cached too, so a flood of requests for a missing file costs no more than one for a present one.
 * Bounded: when {@code maxEntries} is reached the cache is emptied, never grown.
 */
final class FileCache {
    /** What a path resolved to at {@code expiresAt}; {@code content} is the whole file when it is small. */
    record Entry(ArtifactRoot.Resolution resolution, byte[] content, long expiresAt) {
    }

    private final ArtifactRoot root;
    private final long validityNanos;
    private final int maxEntries;
    private final int maxContentBytes;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    FileCache(ArtifactRoot root, long validityNanos, int maxEntries, int maxContentBytes) {
        this.root = root;
        this.validityNanos = validityNanos;
        this.maxEntries = maxEntries;
        this.maxContentBytes = maxContentBytes;
    }

    /** The cached resolution of {@code path} while it is valid, else null; never touches the disk. */
    Entry cached(String path) {
        if (validityNanos <= 0) {
            return null;
        }
        Entry entry = entries.get(path);
        return entry != null && System.nanoTime() - entry.expiresAt() < 0 ? entry : null;
    }

    /** The resolution of {@code path}, from the cache while it is valid, else from the disk (blocking). */
    Entry lookup(String path) {
        if (validityNanos <= 0) {
            return new Entry(root.resolve(path), null, 0);
        }
        long now = System.nanoTime();
        Entry entry = entries.get(path);
        if (entry != null && now - entry.expiresAt() < 0) {
            return entry;
        }
        ArtifactRoot.Resolution resolution = root.resolve(path);
        byte[] content = null;
        if (resolution instanceof ArtifactRoot.Found found && found.size() <= maxContentBytes) {
            content = read(found);
            if (content == null) {
                // Unreadable, or changed while read: resolve again on the next request.
                return new Entry(resolution, null, now);
            }
        }
        Entry fresh = new Entry(resolution, content, now + validityNanos);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(path, fresh);
        return fresh;
    }

    /** The file's bytes when it still has the size stat reported, else null. */
    private static byte[] read(ArtifactRoot.Found found) {
        try (FileChannel channel = FileChannel.open(found.file(), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) found.size());
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    return null;
                }
            }
            return channel.size() == found.size() ? buffer.array() : null;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** Forgets {@code path}, after its file turned out to differ from the cached resolution. */
    void invalidate(String path) {
        entries.remove(path);
    }
}
