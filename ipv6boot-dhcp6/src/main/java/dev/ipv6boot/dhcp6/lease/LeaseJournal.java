package dev.ipv6boot.dhcp6.lease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32C;

/**
 * An append-only lease journal: fixed 48-octet records, each with a CRC32C, written and fsynced in batches by
 * its own thread (group commit), so the answering thread never waits for the disk. The answering thread
 * appends into a ring (single producer); {@link #durableSequence()} says how far the file is synced. Syncs start
 * at most every {@link #MIN_SYNC_INTERVAL_NANOS}: under a boot storm one fdatasync then covers every record of that
 * interval instead of one or two each (the fsyncs' CPU time came off the answering thread when both share a CPU),
 * while a lone record after a quiet spell is synced at once.
 *
 * <pre>
 *  0  1 op (1 bind, 2 release, 3 decline)   1  1 type (0 address, 1 prefix)   2  1 magic 0x4c   3  1 prefix length
 *  4  4 IAID          8  8 identity       16  8 address high   24  8 address low
 * 32  2 ordinal      34  2 attempt        36  8 valid until (epoch s)           44  4 CRC32C of octets 0..43
 * </pre>
 *
 * On open the file is read back; the first record that is short or fails its CRC (a write torn by a crash)
 * ends it, and the file is truncated there before new records are appended.
 *
 * <p>Compaction ({@link #compact}): the answering thread hands over a snapshot (one bind record per lease held);
 * the writer thread, once every record appended before it is synced, writes the snapshot to
 * {@code <file>.compacting}, fsyncs it, renames it over the journal (atomic), fsyncs the directory and goes on
 * appending to the new file. A crash before the rename leaves the old journal whole (the leftover is deleted on
 * open); after it, the snapshot is whole: either way every synced record's effect is in the file.
 */
public final class LeaseJournal implements AutoCloseable {

    public static final int RECORD_LENGTH = 48;
    /** The least time between the starts of two syncs: what a held Reply may wait at most, beyond the sync. */
    static final long MIN_SYNC_INTERVAL_NANOS = 1_000_000;
    static final int OP_BIND = 1;
    static final int OP_RELEASE = 2;
    static final int OP_DECLINE = 3;
    private static final byte MAGIC = 0x4c;

    /** What reading the journal back found. */
    public record Replay(long records, long truncatedBytes) {
    }

    /** Receives the records read back, in order. */
    public interface Sink {
        void record(int op, Lease lease);
    }

    private final Path file;
    private FileChannel channel;                                   // the writer thread's once open
    private final byte[] ring;
    private final int capacity;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer batch;
    private final Thread writer;
    private final Runnable onDurable;
    private final long maxBatchDelayNanos;
    private final Replay replay;
    private volatile long produced;
    /** True while the writer is between waking and its next sync: an append then need not wake it again. */
    private volatile boolean writerAwake;
    private volatile long durable;
    private volatile boolean running = true;
    private volatile IOException failure;
    private long batches;
    private long callbackFailures;
    private volatile long compactions;
    private volatile long compactionFailures;

    /** A snapshot to write once every record before {@code after} is synced. */
    private record Compaction(byte[] snapshot, int records, long after) {
    }

    private volatile Compaction compaction;
    // how many records the file holds: baseRecords at sequence baseSequence, plus those appended since
    private long baseRecords;
    private long baseSequence;

    private LeaseJournal(Path file, FileChannel channel, int capacity, Runnable onDurable, long maxBatchDelayNanos,
                         Replay replay) {
        this.file = file;
        this.channel = channel;
        this.baseRecords = replay.records();
        this.capacity = capacity;
        this.ring = new byte[capacity * RECORD_LENGTH];
        this.batch = ByteBuffer.allocateDirect(capacity * RECORD_LENGTH);
        this.onDurable = onDurable;
        this.maxBatchDelayNanos = maxBatchDelayNanos;
        this.replay = replay;
        this.writer = new Thread(this::writeLoop, "dhcp6-lease-journal");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Opens (creating if needed) the journal at {@code file}, hands every intact record to {@code sink}, truncates
     * a torn tail, and starts the writer thread.
     *
     * @param capacity  how many records may wait for the disk; beyond that {@link #append} refuses
     * @param onDurable run on the writer thread after each fsync (e.g. schedule sending held replies); may be null
     */
    public static LeaseJournal open(Path file, int capacity, Sink sink, Runnable onDurable) throws IOException {
        if (capacity < 1 || capacity > 1 << 20) {
            throw new IllegalArgumentException("capacity must be in [1, 2^20]: " + capacity);
        }
        Files.deleteIfExists(compactingFile(file));                // a compaction the crash cut short: the journal is whole
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            Replay replay = readBack(channel, sink);
            channel.position(channel.size());
            return new LeaseJournal(file, channel, capacity, onDurable, 200_000, replay);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Replay readBack(FileChannel channel, Sink sink) throws IOException {
        long size = channel.size();
        ByteBuffer record = ByteBuffer.allocate(RECORD_LENGTH).order(ByteOrder.BIG_ENDIAN);
        CRC32C check = new CRC32C();
        Lease lease = new Lease();
        long position = 0;
        long records = 0;
        while (size - position >= RECORD_LENGTH) {
            record.clear();
            while (record.hasRemaining()) {
                if (channel.read(record, position + record.position()) < 0) {
                    break;
                }
            }
            check.reset();
            check.update(record.array(), 0, 44);
            if (record.get(2) != MAGIC || (int) check.getValue() != record.getInt(44)) {
                break;
            }
            int op = record.get(0);
            lease.set(record.get(1), record.getLong(8), record.getShort(32) & 0xffff, record.getInt(4) & 0xffffffffL,
                    record.getLong(16), record.getLong(24), record.get(3) & 0xff, record.getLong(36),
                    record.getShort(34) & 0xffff);
            sink.record(op, lease);
            position += RECORD_LENGTH;
            records++;
        }
        long truncated = size - position;
        if (truncated > 0) {
            channel.truncate(position);                           // a torn or damaged tail: the crash's last write
            channel.force(true);
        }
        return new Replay(records, truncated);
    }

    static Path compactingFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".compacting");
    }

    /** What {@link #open} read back. */
    public Replay replay() {
        return replay;
    }

    /**
     * Appends a record; called by one thread only. Allocation-free.
     *
     * @return its sequence number (1, 2, ...), or -1 when {@link #capacity} records already wait or the disk failed
     */
    public long append(int op, Lease lease) {
        long p = produced;
        if (p - durable >= capacity || failure != null || !running) {
            return -1;
        }
        encode(ring, (int) (p % capacity) * RECORD_LENGTH, op, lease, crc);
        produced = p + 1;                                          // publishes the record to the writer
        if (!writerAwake) {
            LockSupport.unpark(writer);                            // one wake-up per batch, not one per record
        }
        return p + 1;
    }

    /** Writes one record (layout in the class comment) at {@code at}. */
    static void encode(byte[] r, int at, int op, Lease lease, CRC32C crc) {
        r[at] = (byte) op;
        r[at + 1] = (byte) lease.type;
        r[at + 2] = MAGIC;
        r[at + 3] = (byte) lease.prefixLength;
        putInt(r, at + 4, (int) lease.iaid);
        putLong(r, at + 8, lease.identity);
        putLong(r, at + 16, lease.high);
        putLong(r, at + 24, lease.low);
        putShort(r, at + 32, lease.ordinal);
        putShort(r, at + 34, lease.attempt);
        putLong(r, at + 36, lease.validUntil);
        crc.reset();
        crc.update(r, at, 44);
        putInt(r, at + 44, (int) crc.getValue());
    }

    /**
     * Asks the writer thread to replace the file by {@code snapshot} ({@code records} records made with the same
     * layout, the whole state after every record appended so far); called by the appending thread. Appends go on
     * meanwhile and land in the new file.
     *
     * @return false when a compaction is still under way or the journal has stopped
     */
    public boolean compact(byte[] snapshot, int records) {
        if (compaction != null || failure != null || !running || records * RECORD_LENGTH > snapshot.length) {
            return false;
        }
        long p = produced;
        baseRecords = records;
        baseSequence = p;
        compaction = new Compaction(snapshot, records, p);
        LockSupport.unpark(writer);
        return true;
    }

    /** How many records the file holds (or will, once the writer has caught up): what compaction shrinks. */
    public long records() {
        return baseRecords + (produced - baseSequence);
    }

    /** Whether a compaction waits for the writer thread. */
    public boolean compacting() {
        return compaction != null;
    }

    /** How many compactions replaced the file. */
    public long compactions() {
        return compactions;
    }

    /** How many compactions failed before their rename (the old file is kept and appended to). */
    public long compactionFailures() {
        return compactionFailures;
    }

    /** The highest sequence number written and fsynced. */
    public long durableSequence() {
        return durable;
    }

    /** How many records were appended. */
    public long appendedSequence() {
        return produced;
    }

    /** How many fsyncs were done (one per batch). */
    public long batches() {
        return batches;
    }

    /** How many times the durability callback threw (it is not retried). */
    public long callbackFailures() {
        return callbackFailures;
    }

    /** The I/O error that stopped the journal, or null. */
    public IOException failure() {
        return failure;
    }

    private void writeLoop() {
        long consumed = durable;
        long lastSyncStart = System.nanoTime() - MIN_SYNC_INTERVAL_NANOS;
        while (true) {
            long p = produced;
            Compaction c = compaction;
            if (c != null) {
                p = Math.min(p, c.after);                          // the old file takes exactly what precedes it
                if (p == consumed) {
                    try {
                        replaceBySnapshot(c);
                    } catch (IOException e) {
                        failure = e;                               // the directory entry may not be durable: stop
                        running = false;
                        return;
                    }
                    compaction = null;
                    continue;
                }
            }
            if (p == consumed) {
                if (!running) {
                    return;
                }
                writerAwake = false;
                if (produced == consumed) {                        // re-read: an append may have seen 'awake'
                    LockSupport.parkNanos(this, maxBatchDelayNanos);
                }
                writerAwake = true;
                continue;
            }
            long wait = lastSyncStart + MIN_SYNC_INTERVAL_NANOS - System.nanoTime();
            if (wait > 0 && running && compaction == null) {
                LockSupport.parkNanos(this, wait);                 // gather this interval's records into one sync
                continue;
            }
            lastSyncStart = System.nanoTime();
            try {
                batch.clear();
                for (long s = consumed; s < p; s++) {
                    batch.put(ring, (int) (s % capacity) * RECORD_LENGTH, RECORD_LENGTH);
                }
                batch.flip();
                while (batch.hasRemaining()) {
                    channel.write(batch);
                }
                channel.force(false);                              // fdatasync: the records, not the mtime
                batches++;
            } catch (IOException e) {
                failure = e;
                running = false;
                return;
            }
            consumed = p;
            durable = p;
            if (onDurable != null) {
                try {
                    onDurable.run();
                } catch (RuntimeException e) {
                    // e.g. the server's event loop already shut down: the journal must go on syncing regardless
                    callbackFailures++;
                }
            }
        }
    }

    /**
     * On the writer thread: the snapshot to a new file, fsynced, renamed over the journal, the directory fsynced;
     * then appends go to the new file. A failure before the rename keeps the old file (and counts); after it, the
     * exception stops the journal.
     */
    private void replaceBySnapshot(Compaction c) throws IOException {
        Path next = compactingFile(file);
        FileChannel fresh;
        try {
            fresh = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                ByteBuffer all = ByteBuffer.wrap(c.snapshot, 0, c.records * RECORD_LENGTH);
                while (all.hasRemaining()) {
                    fresh.write(all);
                }
                fresh.force(true);
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);   // rename(2): old or new, never half
            } catch (IOException | RuntimeException e) {
                fresh.close();
                throw e;
            }
        } catch (IOException e) {
            Files.deleteIfExists(next);
            compactionFailures++;
            return;
        }
        FileChannel old = channel;
        channel = fresh;
        try {
            old.close();
        } catch (IOException ignored) {
            // the old file is unlinked already; nothing of it is needed
        }
        Path directory = file.toAbsolutePath().getParent();
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);                                       // the rename itself survives a crash
        }
        compactions++;
    }

    /** Writes and syncs what was appended, stops the writer thread and closes the file. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(writer);
        try {
            writer.join(10_000);
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (56 - 8 * i));
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (24 - 8 * i));
        }
    }

    private static void putShort(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

}
