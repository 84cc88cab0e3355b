package dev.ipv6boot.dhcp6.lease;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The default {@link LeaseStore}: leases in parallel primitive arrays indexed twice by open addressing (by owner
 * and by address), so lookups and binds allocate nothing once the table has grown to its working size; with a
 * {@link LeaseJournal}, every change is also appended to disk and replayed on the next start.
 * Single-threaded: owned by the answering thread.
 *
 * <p>{@link #maintain} (the server runs it every second) frees leases whose valid lifetime has ended, a bounded
 * slice of the table per call, so a pool never fills with dead leases nor the table grows with them; and when the
 * journal holds far more records than there are leases (renewals append), it rewrites it as a snapshot
 * ({@link #compact()}). Expiry is not journaled: it follows from the time, and a replayed expired lease is
 * freed by the next sweep.
 */
public final class InMemoryLeaseStore implements LeaseStore {

    private static final int EMPTY = -1;
    private static final int TOMBSTONE = -2;
    private static final int FREE = -1;                            // type[] of an entry on the free list

    /** Entries examined per {@link #maintain} call: a slice of microseconds on the event loop. */
    public static final int EVICTION_BUDGET = 4096;
    /** The journal is compacted once it holds this many records and more than {@link #COMPACT_RATIO} per lease. */
    public static final long COMPACT_MIN_RECORDS = 65_536;
    public static final int COMPACT_RATIO = 4;

    private int[] type = new int[0];
    private long[] identity = new long[0];
    private int[] ordinal = new int[0];
    private long[] iaid = new long[0];
    private long[] high = new long[0];
    private long[] low = new long[0];
    private int[] prefixLength = new int[0];
    private long[] validUntil = new long[0];
    private int[] attempt = new int[0];
    private int[] nextFree = new int[0];
    private int freeHead = -1;
    private int live;

    private int[] byOwner;
    private int[] byAddress;
    // slots not EMPTY (live or tombstone): the probe length depends on them, so they decide the rebuild
    private int ownerUsed;
    private int addressUsed;

    private final LeaseJournal journal;
    private long sequence;
    private final Lease scratch = new Lease();
    private final Lease declined = new Lease();
    private int sweepCursor;
    private long evicted;
    private long compactMinRecords = COMPACT_MIN_RECORDS;

    /** A store that keeps nothing on disk. */
    public InMemoryLeaseStore() {
        this(64);
    }

    /** A store sized for about {@code expected} leases without growing. */
    public InMemoryLeaseStore(int expected) {
        this.journal = null;
        allocate(Math.max(16, expected));
    }

    private InMemoryLeaseStore(int expected, Path file, int backlog, Runnable onDurable) throws IOException {
        allocate(Math.max(16, expected));
        this.journal = LeaseJournal.open(file, backlog, this::apply, onDurable);
    }

    /**
     * A store backed by the journal {@code file}: its records are replayed now (a torn last record is cut off),
     * and every change is appended and fsynced in batches.
     *
     * @param backlog   how many changes may wait for the disk before binds are refused
     * @param onDurable run on the journal thread after each fsync; may be null
     */
    public static InMemoryLeaseStore open(Path file, int expected, int backlog, Runnable onDurable) throws IOException {
        return new InMemoryLeaseStore(expected, file, backlog, onDurable);
    }

    /** The journal, or null. */
    public LeaseJournal journal() {
        return journal;
    }

    private void apply(int op, Lease lease) {
        switch (op) {
            case LeaseJournal.OP_BIND:
                put(lease);
                break;
            case LeaseJournal.OP_RELEASE:
                remove(lease.type, lease.identity, lease.ordinal);
                break;
            case LeaseJournal.OP_DECLINE:
                removeOwnerAndDecline(lease.type, lease.identity, lease.ordinal, lease.high, lease.low,
                        lease.prefixLength, lease.validUntil);
                break;
            default:
                break;                                            // a future record kind: skipped
        }
    }

    // ---- SPI ----------------------------------------------------------------------------------------------

    @Override
    public boolean findByOwner(int leaseType, long owner, int leaseOrdinal, Lease into) {
        int e = findOwner(leaseType, owner, leaseOrdinal);
        if (e < 0) {
            return false;
        }
        into.set(type[e], identity[e], ordinal[e], iaid[e], high[e], low[e], prefixLength[e], validUntil[e], attempt[e]);
        return true;
    }

    @Override
    public long holderOf(int leaseType, long addressHigh, long addressLow, long now) {
        int e = findAddress(leaseType, addressHigh, addressLow);
        return e < 0 || validUntil[e] < now ? -1 : identity[e];
    }

    @Override
    public long bind(Lease lease) {
        long seq = journal(LeaseJournal.OP_BIND, lease);
        if (seq < 0) {
            return -1;
        }
        put(lease);
        return seq;
    }

    @Override
    public long release(int leaseType, long owner, int leaseOrdinal) {
        int e = findOwner(leaseType, owner, leaseOrdinal);
        if (e < 0) {
            return 0;
        }
                scratch.set(leaseType, owner, leaseOrdinal, 0, 0, 0, 0, 0, 0);
        long seq = journal(LeaseJournal.OP_RELEASE, scratch);
        if (seq < 0) {
            return -1;
        }
        remove(leaseType, owner, leaseOrdinal);
        return seq;
    }

    @Override
    public long decline(int leaseType, long owner, int leaseOrdinal, long until) {
        int e = findOwner(leaseType, owner, leaseOrdinal);
        if (e < 0) {
            return 0;
        }
                scratch.set(leaseType, owner, leaseOrdinal, iaid[e], high[e], low[e], prefixLength[e], until, attempt[e]);
        long seq = journal(LeaseJournal.OP_DECLINE, scratch);
        if (seq < 0) {
            return -1;
        }
        removeOwnerAndDecline(leaseType, owner, leaseOrdinal, high[e], low[e], prefixLength[e], until);
        return seq;
    }


    /**
     * Frees leases (and declined addresses) whose valid lifetime ended before {@code now}, examining at most
     * {@code budget} table entries from where the last call stopped.
     *
     * @return how many were freed
     */
    public int evictExpired(long now, int budget) {
        int entries = type.length;
        if (entries == 0) {
            return 0;
        }
        int freed = 0;
        for (int n = Math.min(budget, entries); n > 0; n--) {
            int e = sweepCursor;
            sweepCursor = e + 1 == entries ? 0 : e + 1;
            if (type[e] != FREE && validUntil[e] < now) {
                removeEntry(e);
                freed++;
            }
        }
        evicted += freed;
        return freed;
    }

    /** How many expired leases {@link #evictExpired} has freed. */
    public long evicted() {
        return evicted;
    }

    /**
     * Rewrites the journal as a snapshot of the leases held now (one record each), on the journal's thread:
     * see {@link LeaseJournal}. Builds the snapshot here, on the owning thread (48 octets per lease).
     *
     * @return false without a journal, or while a compaction is under way
     */
    public boolean compact() {
        if (journal == null || journal.compacting()) {
            return false;
        }
        byte[] snapshot = new byte[Math.max(1, live) * LeaseJournal.RECORD_LENGTH];
        CRC32C crc = new CRC32C();
        int records = 0;
        for (int e = 0; e < type.length; e++) {
            if (type[e] == FREE) {
                continue;
            }
            scratch.set(type[e], identity[e], ordinal[e], iaid[e], high[e], low[e], prefixLength[e], validUntil[e],
                    attempt[e]);
            LeaseJournal.encode(snapshot, records * LeaseJournal.RECORD_LENGTH, LeaseJournal.OP_BIND, scratch, crc);
            records++;
        }
        return journal.compact(snapshot, records);
    }

    /** Compacts once the journal holds at least {@code minRecords} records (and 4 per lease); for tests and tuning. */
    public InMemoryLeaseStore compactAfter(long minRecords) {
        this.compactMinRecords = minRecords;
        return this;
    }

    @Override
    public void maintain(long now) {
        evictExpired(now, EVICTION_BUDGET);
        if (journal != null && !journal.compacting()) {
            long records = journal.records();
            if (records >= compactMinRecords && records > (long) COMPACT_RATIO * live) {
                compact();
            }
        }
    }

    @Override
    public long durableSequence() {
        return journal == null ? Long.MAX_VALUE : journal.durableSequence();
    }

    @Override
    public int size() {
        return live;
    }

    @Override
    public void close() {
        if (journal != null) {
            journal.close();
        }
    }

    private long journal(int op, Lease lease) {
        if (journal == null) {
            return ++sequence;
        }
        return journal.append(op, lease);
    }

    // ---- table --------------------------------------------------------------------------------------------

    private void put(Lease lease) {
        int same = lease.identity == DECLINED ? -1 : findOwner(lease.type, lease.identity, lease.ordinal);
        if (same >= 0 && high[same] == lease.high && low[same] == lease.low) {
            iaid[same] = lease.iaid;                               // a renewal: update in place, indexes unchanged
            prefixLength[same] = lease.prefixLength;
            validUntil[same] = lease.validUntil;
            attempt[same] = lease.attempt;
            return;
        }
        remove(lease.type, lease.identity, lease.ordinal);
        int other = findAddress(lease.type, lease.high, lease.low);
        if (other >= 0) {
            removeEntry(other);                                    // the address changes hands (expired or declined)
        }
        int e = newEntry();
        type[e] = lease.type;
        identity[e] = lease.identity;
        ordinal[e] = lease.ordinal;
        iaid[e] = lease.iaid;
        high[e] = lease.high;
        low[e] = lease.low;
        prefixLength[e] = lease.prefixLength;
        validUntil[e] = lease.validUntil;
        attempt[e] = lease.attempt;
        if (lease.identity != DECLINED && insert(byOwner, ownerHash(lease.type, lease.identity, lease.ordinal), e)) {
            ownerUsed++;
        }
        if (insert(byAddress, addressHash(lease.type, lease.high, lease.low), e)) {
            addressUsed++;
        }
        growIfNeeded();
    }

    private void removeOwnerAndDecline(int leaseType, long owner, int leaseOrdinal, long h, long l, int plen, long until) {
        remove(leaseType, owner, leaseOrdinal);
        put(declined.set(leaseType, DECLINED, 0, 0, h, l, plen, until, 0));
    }

    private void remove(int leaseType, long owner, int leaseOrdinal) {
        int e = findOwner(leaseType, owner, leaseOrdinal);
        if (e >= 0) {
            removeEntry(e);
        }
    }

    private void removeEntry(int e) {
        if (identity[e] != DECLINED) {
            int slot = ownerSlot(type[e], identity[e], ordinal[e]);
            byOwner[slot] = TOMBSTONE;
        }
        int slot = addressSlot(type[e], high[e], low[e]);
        byAddress[slot] = TOMBSTONE;
        type[e] = FREE;
        nextFree[e] = freeHead;
        freeHead = e;
        live--;
    }

    private int newEntry() {
        if (freeHead < 0) {
            int old = type.length;
            int grown = Math.max(16, old * 2);
            type = Arrays.copyOf(type, grown);
            identity = Arrays.copyOf(identity, grown);
            ordinal = Arrays.copyOf(ordinal, grown);
            iaid = Arrays.copyOf(iaid, grown);
            high = Arrays.copyOf(high, grown);
            low = Arrays.copyOf(low, grown);
            prefixLength = Arrays.copyOf(prefixLength, grown);
            validUntil = Arrays.copyOf(validUntil, grown);
            attempt = Arrays.copyOf(attempt, grown);
            nextFree = Arrays.copyOf(nextFree, grown);
            for (int i = grown - 1; i >= old; i--) {
                type[i] = FREE;
                nextFree[i] = freeHead;
                freeHead = i;
            }
        }
        int e = freeHead;
        freeHead = nextFree[e];
        live++;
        return e;
    }

    private void allocate(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 4 - 1) << 1;
        byOwner = new int[capacity];
        byAddress = new int[capacity];
        Arrays.fill(byOwner, EMPTY);
        Arrays.fill(byAddress, EMPTY);
        ownerUsed = 0;
        addressUsed = 0;
    }

    private void growIfNeeded() {
        if (ownerUsed * 2 < byOwner.length && addressUsed * 2 < byAddress.length) {
            return;
        }
        allocate(Math.max(live * 2, 16));                         // also sweeps the tombstones
        int entries = type.length;
        boolean[] free = new boolean[entries];
        for (int f = freeHead; f >= 0; f = nextFree[f]) {
            free[f] = true;
        }
        for (int e = 0; e < entries; e++) {
            if (free[e]) {
                continue;
            }
            if (identity[e] != DECLINED && insert(byOwner, ownerHash(type[e], identity[e], ordinal[e]), e)) {
                ownerUsed++;
            }
            if (insert(byAddress, addressHash(type[e], high[e], low[e]), e)) {
                addressUsed++;
            }
        }
    }

    /** Inserts at the first free or tombstone slot; true when it took a never-used slot (occupancy grows). */
    private static boolean insert(int[] index, int hash, int e) {
        int mask = index.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            if (index[i] < 0) {
                boolean fresh = index[i] == EMPTY;
                index[i] = e;
                return fresh;
            }
        }
    }

    private int findOwner(int leaseType, long owner, int leaseOrdinal) {
        int slot = ownerSlot(leaseType, owner, leaseOrdinal);
        return slot < 0 ? -1 : byOwner[slot];
    }

    private int ownerSlot(int leaseType, long owner, int leaseOrdinal) {
        int mask = byOwner.length - 1;
        for (int i = ownerHash(leaseType, owner, leaseOrdinal) & mask, n = 0; n < byOwner.length; i = (i + 1) & mask, n++) {
            int e = byOwner[i];
            if (e == EMPTY) {
                return -1;
            }
            if (e >= 0 && type[e] == leaseType && identity[e] == owner && ordinal[e] == leaseOrdinal) {
                return i;
            }
        }
        return -1;
    }

    private int findAddress(int leaseType, long h, long l) {
        int slot = addressSlot(leaseType, h, l);
        return slot < 0 ? -1 : byAddress[slot];
    }

    private int addressSlot(int leaseType, long h, long l) {
        int mask = byAddress.length - 1;
        for (int i = addressHash(leaseType, h, l) & mask, n = 0; n < byAddress.length; i = (i + 1) & mask, n++) {
            int e = byAddress[i];
            if (e == EMPTY) {
                return -1;
            }
            if (e >= 0 && type[e] == leaseType && high[e] == h && low[e] == l) {
                return i;
            }
        }
        return -1;
    }

    private static int ownerHash(int leaseType, long owner, int leaseOrdinal) {
        return mix(owner * 31 + leaseOrdinal * 7 + leaseType);
    }

    private static int addressHash(int leaseType, long h, long l) {
        return mix(h * 0x9e3779b97f4a7c15L + l + leaseType);
    }

    private static int mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return (int) x;
    }
}
