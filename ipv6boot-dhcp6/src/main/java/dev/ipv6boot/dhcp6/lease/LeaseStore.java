package dev.ipv6boot.dhcp6.lease;

/**
 * Where leases live: the SPI a deployment may implement over its own database. Called only from the thread
 * that answers DHCPv6 (one event loop), so implementations need not be thread-safe, but they must never block
 * it: durability work belongs on another thread, reported through {@link #durableSequence()}.
 *
 * <p>Every change returns a sequence number; a reply that depends on it may be sent once
 * {@link #durableSequence()} has reached it (group commit), which is how an acknowledged lease survives
 * {@code kill -9}. A store that keeps nothing on disk returns 0 and is always durable.
 */
public interface LeaseStore extends AutoCloseable {

    /** Fills {@code into} with the lease of (type, identity, ordinal) and returns true, or returns false. */
    boolean findByOwner(int type, long identity, int ordinal, Lease into);

    /** The identity holding (type, high, low) (a declined address is held by {@link #DECLINED}), or -1. */
    long holderOf(int type, long high, long low, long now);

    /**
     * Records {@code lease}, replacing the owner's previous lease of that type and ordinal.
     *
     * @return the change's sequence number, or -1 when the store cannot take it now (journal backlog full):
     *         the caller must not acknowledge the lease
     */
    long bind(Lease lease);

    /** Removes the lease of (type, identity, ordinal); returns its sequence number, 0 when there was none. */
    long release(int type, long identity, int ordinal);

    /**
     * Marks the address the owner holds as declined (RFC 9915 §18.3.8: in use by someone else) until
     * {@code until}, and forgets the owner's lease so that its next attempt is tried.
     */
    long decline(int type, long identity, int ordinal, long until);

    /**
     * Housekeeping, run by the answering thread about once a second ({@code now} in epoch seconds): free leases
     * whose valid lifetime has ended, compact what is on disk. Must be brief (a bounded slice of work per call).
     * The default does nothing.
     */
    default void maintain(long now) {
    }

    /** The highest sequence number that is durable. */
    long durableSequence();

    /** How many leases (declined addresses included) are held. */
    int size();

    /** The identity that holds declined addresses. */
    long DECLINED = 0x7f00_0000_0000_0000L;

    @Override
    void close();
}
