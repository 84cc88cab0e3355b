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
}
