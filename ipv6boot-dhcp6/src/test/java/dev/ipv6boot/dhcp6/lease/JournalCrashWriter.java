package dev.ipv6boot.dhcp6.lease;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link LeaseJournalCrashTest}: binds leases as fast as the journal takes them and prints
 * "acked N" only once lease N is durable, the way the server holds a Reply until its lease is synced; then it is
 * killed with SIGKILL in the middle of it. With a second argument "compact", it also compacts the journal every
 * 100 binds.
 */
public final class JournalCrashWriter {
    private JournalCrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        InMemoryLeaseStore store = InMemoryLeaseStore.open(Path.of(args[0]), 1024, 256, null);
        boolean compact = args.length > 1 && args[1].equals("compact");
        Lease lease = new Lease();
        long printed = 0;
        for (long id = 1; ; ) {
            long seq = store.bind(lease.set(Lease.ADDRESS, id, 0, 1, 0x20010db800000000L, id, 128, 4_000_000_000L, 0));
            if (seq > 0) {
                id++;
                if (compact && id % 100 == 0) {
                    store.compact();                                 // refused while the last one is under way
                }
            }
            long durable = store.durableSequence();
            if (durable > printed) {
                // sequence n is the bind of lease n: every record is a bind here
                System.out.println("acked " + durable);
                System.out.flush();
                printed = durable;
            }
            if (seq < 0) {
                Thread.onSpinWait();
            }
        }
    }
}
