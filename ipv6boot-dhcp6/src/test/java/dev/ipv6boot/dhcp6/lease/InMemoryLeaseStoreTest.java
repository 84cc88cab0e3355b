package dev.ipv6boot.dhcp6.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryLeaseStoreTest {

    @TempDir
    Path dir;

    private static Lease lease(long id, long low) {
        return new Lease().set(Lease.ADDRESS, id, 0, 7, 0x20010db800000000L, low, 128, 1000 + id, 0);
    }

    @Test
    void findsByOwnerAndByAddressThroughGrowthAndChurn() {
        InMemoryLeaseStore store = new InMemoryLeaseStore(16);
        Random random = new Random(7);
        long[] addressOf = new long[5000];
        for (int round = 0; round < 20_000; round++) {
            int id = random.nextInt(addressOf.length);
            if (random.nextInt(4) == 0) {
                store.release(Lease.ADDRESS, id + 1, 0);
                addressOf[id] = 0;
            } else {
                long low = random.nextInt(1 << 20) + 1L;
                if (store.holderOf(Lease.ADDRESS, 0x20010db800000000L, low, 0) >= 0) {
                    continue;
                }
                store.bind(lease(id + 1, low));
                addressOf[id] = low;
            }
        }
        int live = 0;
        Lease found = new Lease();
        for (int id = 0; id < addressOf.length; id++) {
            boolean present = store.findByOwner(Lease.ADDRESS, id + 1, 0, found);
            assertEquals(addressOf[id] != 0, present, "owner " + id);
            if (present) {
                live++;
                assertEquals(addressOf[id], found.low());
                assertEquals(id + 1, store.holderOf(Lease.ADDRESS, 0x20010db800000000L, addressOf[id], 0));
            }
        }
        assertEquals(live, store.size());
    }

    @Test
    void expiredLeasesFreeTheirAddressAndDeclinedOnesHoldIt() {
        InMemoryLeaseStore store = new InMemoryLeaseStore();
        store.bind(lease(1, 10));
        assertEquals(1, store.holderOf(Lease.ADDRESS, 0x20010db800000000L, 10, 1000));
        assertEquals(-1, store.holderOf(Lease.ADDRESS, 0x20010db800000000L, 10, 1002), "expired at 1001");
        store.decline(Lease.ADDRESS, 1, 0, 5000);
        assertFalse(store.findByOwner(Lease.ADDRESS, 1, 0, new Lease()));
        assertEquals(LeaseStore.DECLINED, store.holderOf(Lease.ADDRESS, 0x20010db800000000L, 10, 4000));
    }

    @Test
    void journalReplaysEveryChangeAfterARestart() throws IOException {
        Path file = dir.resolve("leases.journal");
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(file, 16, 1024, null)) {
            for (int i = 1; i <= 100; i++) {
                assertTrue(store.bind(lease(i, i)) > 0);
            }
            store.release(Lease.ADDRESS, 5, 0);
            store.decline(Lease.ADDRESS, 6, 0, 9999);
            store.bind(lease(7, 1007));                             // moved
        }
        assertEquals(103 * LeaseJournal.RECORD_LENGTH, Files.size(file));
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(file, 16, 1024, null)) {
            assertEquals(103, store.journal().replay().records());
            assertEquals(0, store.journal().replay().truncatedBytes());
            Lease l = new Lease();
            assertTrue(store.findByOwner(Lease.ADDRESS, 100, 0, l));
            assertEquals(100, l.low());
            assertEquals(1100, l.validUntil());
            assertFalse(store.findByOwner(Lease.ADDRESS, 5, 0, l));
            assertFalse(store.findByOwner(Lease.ADDRESS, 6, 0, l));
            assertEquals(LeaseStore.DECLINED, store.holderOf(Lease.ADDRESS, 0x20010db800000000L, 6, 0));
            assertTrue(store.findByOwner(Lease.ADDRESS, 7, 0, l));
            assertEquals(1007, l.low());
            assertEquals(-1, store.holderOf(Lease.ADDRESS, 0x20010db800000000L, 7, 0));
            assertEquals(99, store.size(), "98 leases and one declined address");
        }
    }

    @Test
    void aTornLastRecordIsCutOffAndTheRestKept() throws IOException {
        Path file = dir.resolve("torn.journal");
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(file, 16, 1024, null)) {
            for (int i = 1; i <= 10; i++) {
                store.bind(lease(i, i));
            }
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(new byte[] {1, 0, 0x4c, (byte) 128, 0, 0, 0, 7, 0, 0, 0}));   // 11 of 48 octets
        }
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(file, 16, 1024, null)) {
            assertEquals(10, store.journal().replay().records());
            assertEquals(11, store.journal().replay().truncatedBytes());
            assertEquals(10, store.size());
            store.bind(lease(11, 11));
        }
        // A whole last record whose CRC fails (a sector written half) is cut off too.
        byte[] all = Files.readAllBytes(file);
        assertEquals(11 * LeaseJournal.RECORD_LENGTH, all.length, "the new record went where the torn one was");
        all[all.length - 10] ^= 0x40;
        Files.write(file, all);
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(file, 16, 1024, null)) {
            assertEquals(10, store.journal().replay().records());
            assertEquals(LeaseJournal.RECORD_LENGTH, store.journal().replay().truncatedBytes());
            assertFalse(store.findByOwner(Lease.ADDRESS, 11, 0, new Lease()));
        }
    }

    @Test
    void aFullBacklogRefusesInsteadOfBlocking() throws IOException {
        Path file = dir.resolve("busy.journal");
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(file, 16, 1, null)) {
            int refused = 0;
            for (int i = 1; i <= 2000; i++) {
                if (store.bind(lease(i, i)) < 0) {
                    refused++;
                    assertFalse(store.findByOwner(Lease.ADDRESS, i, 0, new Lease()), "a refused bind changes nothing");
                }
            }
            assertTrue(refused > 0, "a backlog of one record must refuse some of 2000 binds made faster than fsync");
        }
    }

    @Test
    void expiredLeasesAreEvictedInBoundedSlicesAndTheTableStaysAtItsLiveSize() {
        InMemoryLeaseStore store = new InMemoryLeaseStore(16);
        for (int id = 1; id <= 1000; id++) {
            store.bind(lease(id, id));                               // valid until 1000 + id
        }
        assertEquals(100, store.evictExpired(1501 + 10_000, 100), "a slice of 100 entries examined, all expired");
        assertEquals(900, store.size());
        store.evictExpired(1501, 1 << 20);
        assertEquals(500, store.size(), "leases 1..500 ended before 1501");
        Lease l = new Lease();
        assertFalse(store.findByOwner(Lease.ADDRESS, 500, 0, l));
        assertTrue(store.findByOwner(Lease.ADDRESS, 501, 0, l));
        assertEquals(-1, store.holderOf(Lease.ADDRESS, 0x20010db800000000L, 400, 0), "freed even for a past 'now'");
        // Machines that come and go: with maintenance the table holds only the live ones.
        long now = 10_000;
        for (int round = 0; round < 50; round++, now += 100) {
            for (int k = 0; k < 1000; k++) {
                long id = 1_000_000L + round * 1000L + k;
                store.bind(new Lease().set(Lease.ADDRESS, id, 0, 1, 0x20010db800000000L, id, 128, now + 50, 0));
            }
            for (int sweep = 0; sweep < 8; sweep++) {
                store.maintain(now + 60);
            }
            assertEquals(0, store.size(), "round " + round + ": every lease of the round ended at " + (now + 50));
        }
        assertEquals(1000 + 50_000, store.evicted(), "the first thousand ended by 2000 too");
    }

    @Test
    void aDeclinedAddressIsEvictedWhenItsHoldEnds() {
        InMemoryLeaseStore store = new InMemoryLeaseStore();
        store.bind(lease(1, 10));
        store.decline(Lease.ADDRESS, 1, 0, 5000);
        store.evictExpired(4999, 100);
        assertEquals(LeaseStore.DECLINED, store.holderOf(Lease.ADDRESS, 0x20010db800000000L, 10, 0));
        store.evictExpired(5001, 100);
        assertEquals(0, store.size());
        assertEquals(-1, store.holderOf(Lease.ADDRESS, 0x20010db800000000L, 10, 0));
    }

    /** Waits (bounded) until the journal's writer has finished the compaction. */
    private static void awaitCompaction(InMemoryLeaseStore store) throws InterruptedException {
        for (int i = 0; i < 1000 && store.journal().compacting(); i++) {
            Thread.sleep(10);
        }
        assertFalse(store.journal().compacting(), "compaction finished within 10 s");
    }

    @Test
    void compactionRewritesTheJournalAsASnapshotWithAppendsDuringItKept() throws Exception {
        Path file = dir.resolve("compact.journal");
        Lease l = new Lease();
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(file, 16, 4096, null)) {
            for (int renewal = 0; renewal < 50; renewal++) {
                for (int id = 1; id <= 20; id++) {
                    assertTrue(store.bind(lease(id, id).set(Lease.ADDRESS, id, 0, 7, 0x20010db800000000L, id, 128,
                            2000 + renewal, 0)) > 0);
                }
            }
            store.release(Lease.ADDRESS, 5, 0);
            store.decline(Lease.ADDRESS, 6, 0, 9999);
            assertEquals(1002, store.journal().records());
            assertTrue(store.compact());
            assertFalse(store.compact(), "one at a time");
            long seq = store.bind(lease(21, 21));                     // while the writer compacts
            store.bind(lease(7, 1007));                                // 7 moves
            awaitCompaction(store);
            assertEquals(1, store.journal().compactions());
            for (int i = 0; i < 500 && store.durableSequence() < seq + 1; i++) {
                Thread.sleep(10);
            }
            assertEquals(19 + 2, store.journal().records(), "19 held (18 leases, 1 declined) + 2 appended after");
        }
        assertEquals(21 * LeaseJournal.RECORD_LENGTH, Files.size(file));
        assertFalse(Files.exists(LeaseJournal.compactingFile(file)));
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(file, 16, 1024, null)) {
            assertEquals(0, store.journal().replay().truncatedBytes());
            for (int id = 1; id <= 21; id++) {
                boolean held = id != 5 && id != 6;
                assertEquals(held, store.findByOwner(Lease.ADDRESS, id, 0, l), "lease " + id);
                if (held) {
                    assertEquals(id == 7 ? 1007 : id, l.low());
                    assertEquals(id == 21 || id == 7 ? 1000 + id : 2049, l.validUntil(), "lease " + id);
                }
            }
            assertEquals(LeaseStore.DECLINED, store.holderOf(Lease.ADDRESS, 0x20010db800000000L, 6, 0));
            assertEquals(-1, store.holderOf(Lease.ADDRESS, 0x20010db800000000L, 7, 0), "7's old address is free");
            assertEquals(20, store.size(), "19 leases and one declined address");
        }
    }

    @Test
    void maintenanceCompactsAGrownJournalAndATornRecordAfterwardsIsStillCutOff() throws Exception {
        Path file = dir.resolve("auto.journal");
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(file, 16, 4096, null).compactAfter(100)) {
            for (int renewal = 0; renewal < 30; renewal++) {
                for (int id = 1; id <= 10; id++) {
                    store.bind(lease(id, id));
                }
                store.maintain(0);
                awaitCompaction(store);
            }
            assertTrue(store.journal().compactions() >= 2, "grown past 100 records and 4 per lease, more than once");
            assertTrue(store.journal().records() < 100 + 10, "records " + store.journal().records());
        }
        long size = Files.size(file);
        assertEquals(0, size % LeaseJournal.RECORD_LENGTH);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(new byte[] {1, 0, 0x4c, (byte) 128, 0, 0, 0}));   // 7 of 48 octets
        }
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(file, 16, 1024, null)) {
            assertEquals(7, store.journal().replay().truncatedBytes());
            assertEquals(10, store.size());
        }
        assertEquals(size, Files.size(file));
    }

    @Test
    void aCompactionCutShortByACrashLeavesTheJournalWhole() throws IOException {
        Path file = dir.resolve("cut.journal");
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(file, 16, 1024, null)) {
            for (int id = 1; id <= 10; id++) {
                store.bind(lease(id, id));
            }
        }
        // what a crash between writing the snapshot and renaming it leaves: a partial new file beside the journal
        Files.write(LeaseJournal.compactingFile(file), new byte[100]);
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(file, 16, 1024, null)) {
            assertEquals(10, store.size());
            assertEquals(0, store.journal().replay().truncatedBytes());
        }
        assertFalse(Files.exists(LeaseJournal.compactingFile(file)), "the leftover is deleted");
    }
}
