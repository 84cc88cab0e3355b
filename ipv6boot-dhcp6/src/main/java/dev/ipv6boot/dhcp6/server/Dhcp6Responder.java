package dev.ipv6boot.dhcp6.server;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.catalog.StatusCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6EncodeError;
import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageType;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.Dhcp6OptionCursor;
import dev.ipv6boot.dhcp6.codec.Dhcp6Writer;
import dev.ipv6boot.dhcp6.codec.option.IaAddress;
import dev.ipv6boot.dhcp6.codec.option.IaNa;
import dev.ipv6boot.dhcp6.codec.option.IaPrefix;
import dev.ipv6boot.dhcp6.lease.AddressChooser;
import dev.ipv6boot.dhcp6.lease.Lease;
import dev.ipv6boot.dhcp6.lease.LeaseStore;
import dev.ipv6boot.dhcp6.lease.MachineIdentity;
import dev.ipv6boot.dhcp6.policy.Dhcp6Policy;
import dev.ipv6boot.dhcp6.policy.Lifetimes;
import dev.ipv6boot.dhcp6.policy.PolicyDecision;
import dev.ipv6boot.dhcp6.policy.SubnetPolicy;
import io.netty.buffer.ByteBuf;

/**
 * Turns one received DHCPv6 message and its link into a reply, written into a caller's buffer: no sockets, no
 * threads, no allocation once warm. RFC 9915: the discard rules of §16, the server behaviour of §18.3
 * (Solicit → Advertise, or Reply with Rapid Commit; Request, Renew, Rebind, Release, Decline, Confirm,
 * Information-request → Reply) with the status codes NoAddrsAvail, NoBinding, NotOnLink, NoPrefixAvail; IA_NA
 * and IA_PD; relayed messages answered in Relay-repl messages nested as the Relay-forw were, Interface-ID
 * echoed (§19.3). Options come from the {@link Dhcp6Policy} with its firmware quirks; a reply that would exceed
 * {@link Dhcp6Policy#maxReplyLength()} is rewritten with only the essential options.
 *
 * <pre>{@code
 * Dhcp6Responder responder = new Dhcp6Responder(policy, store, chooser, serverMac);   // one per thread
 * Outcome outcome = responder.respond(datagram.content(), link.set("eth1", srcHigh, srcLow, nowSeconds), out);
 * if (outcome == Outcome.REPLIED) { send out once store.durableSequence() >= responder.durableAfter() }
 * }</pre>
 *
 * <p>Ownership: {@code in} and {@code out} are borrowed; the reply is appended at {@code out}'s writer index and
 * nothing is left there when the outcome is a drop. Not thread-safe: one per thread.
 */
public final class Dhcp6Responder {

    /** The most IA options answered per message; more are ignored (real clients send one or two). */
    public static final int MAX_IAS = 8;

    private static final int NONE = -1;
    private static final String MSG_NO_ADDRS = "No addresses available on this link";
    private static final String MSG_NO_PREFIX = "No prefixes available";
    private static final String MSG_NO_BINDING = "No binding for this IA";
    private static final String MSG_NOT_ON_LINK = "Not on this link";
    private static final String MSG_RELEASED = "Released";
    private static final String MSG_DECLINED = "Declined";
    private static final String MSG_ON_LINK = "All addresses on link";

    private final Dhcp6Policy policy;
    private final LeaseStore store;
    private final AddressChooser chooser;
    private final byte[] serverDuid;
    private final Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
    private final Dhcp6Writer writer = new Dhcp6Writer();
    private final PolicyDecision decision;
    private final Dhcp6OptionCursor cursor = new Dhcp6OptionCursor();
    private final Lease lease = new Lease();
    private final IaWalk ias = new IaWalk();

    // The plan of the reply's IAs, computed (and bound) once, written once or twice.
    private int iaCount;
    private final int[] iaCode = new int[MAX_IAS];
    private final long[] iaId = new long[MAX_IAS];
    private final int[] iaStatus = new int[MAX_IAS];
    private final boolean[] hasGrant = new boolean[MAX_IAS];
    private final long[] grantHigh = new long[MAX_IAS];
    private final long[] grantLow = new long[MAX_IAS];
    private final int[] grantLength = new int[MAX_IAS];
    private final boolean[] hasWithdrawn = new boolean[MAX_IAS];
    private final long[] withdrawnHigh = new long[MAX_IAS];
    private final long[] withdrawnLow = new long[MAX_IAS];
    private final int[] withdrawnLength = new int[MAX_IAS];
    private int topStatus;
    private String topMessage;
    private boolean rapidCommitReply;
    private boolean configuration;
    private long durableAfter;
    private long identity;
    private int replyType;
    private boolean relayed;
    private ClientRateLimiter limiter;
    private Dhcp6Listener listener = Dhcp6Listener.NONE;

    /**
     * @param serverMac the MAC of the server's Server Identifier, a DUID-LL (RFC 9915 §11.4); replicas that must
     *                  look like one server share it
     */
    public Dhcp6Responder(Dhcp6Policy policy, LeaseStore store, AddressChooser chooser, long serverMac) {
        this.policy = policy;
        this.store = store;
        this.chooser = chooser;
        this.decision = new PolicyDecision(policy);
        this.serverDuid = new byte[10];
        serverDuid[1] = 3;                                       // DUID-Type 3, DUID-LL, RFC 9915 §11.4
        serverDuid[3] = 1;                                       // hardware type 1, Ethernet
        for (int i = 0; i < 6; i++) {
            serverDuid[4 + i] = (byte) (serverMac >>> (40 - 8 * i));
        }
    }

    /** Limits how often each machine is answered; null (the default) for no limit. */
    public Dhcp6Responder rateLimiter(ClientRateLimiter value) {
        this.limiter = value;
        return this;
    }

    /** Told of every lease bound or extended. */
    public Dhcp6Responder listener(Dhcp6Listener value) {
        this.listener = value == null ? Dhcp6Listener.NONE : value;
        return this;
    }

    /** The Server Identifier DUID. */
    public byte[] serverDuid() {
        return serverDuid.clone();
    }

    /** The journal sequence the last reply depends on: send it once the store is durable up to here. */
    public long durableAfter() {
        return durableAfter;
    }

    /** Whether the last reply is a Relay-repl (to be sent to the relay, RFC 9915 §19.3, RFC 8357). */
    public boolean relayed() {
        return relayed;
    }

    /** The machine identity of the last message (see {@link MachineIdentity}), or -1. */
    public long identity() {
        return identity;
    }

    /** The message type of the last reply (inner, for a relayed one). */
    public int replyType() {
        return replyType;
    }

    /** The policy decision for the last message (classes, subnet, options). */
    public PolicyDecision decision() {
        return decision;
    }

    /** The view of the last received message (valid until {@code in} is released). */
    public Dhcp6MessageView request() {
        return view;
    }

    /** Answers {@code in}; see the class comment. */
    public Outcome respond(ByteBuf in, LinkContext link, ByteBuf out) {
        durableAfter = 0;
        relayed = false;
        identity = -1;
        replyType = NONE;
        if (!view.wrap(in)) {
            return Outcome.MALFORMED;
        }
        Dhcp6MessageView client = view.innermost();
        relayed = view.isRelay();
        int type = client.messageType();
        Outcome check = discard(client, type);
        if (check != null) {
            return check;
        }
        SubnetPolicy subnet = policy.selectSubnet(view, link.interfaceName);
        policy.decide(view, subnet, decision);
        if (decision.drop()) {
            return Outcome.DROP_CLASS;
        }
        identity = MachineIdentity.of(view, link.sourceHigh, link.sourceLow, chooser.duidKey());
        if (limiter != null && identity >= 0 && !limiter.tryAcquire(identity, System.nanoTime())) {
            return Outcome.RATE_LIMITED;
        }
        iaCount = 0;
        topStatus = NONE;
        topMessage = null;
        rapidCommitReply = false;
        configuration = true;
        replyType = Dhcp6MessageType.REPLY.value();
        Outcome planned;
        switch (type) {
            case 1:                                               // Solicit, RFC 9915 §18.3.1
                rapidCommitReply = client.hasRapidCommit();
                replyType = rapidCommitReply ? Dhcp6MessageType.REPLY.value() : Dhcp6MessageType.ADVERTISE.value();
                planned = assign(client, subnet, link.now, rapidCommitReply);
                break;
            case 3:                                               // Request, §18.3.2
                planned = assign(client, subnet, link.now, true);
                break;
            case 5:                                               // Renew, §18.3.4
                planned = extend(client, subnet, link.now, false);
                break;
            case 6:                                               // Rebind, §18.3.5
                planned = extend(client, subnet, link.now, true);
                break;
            case 8:                                               // Release, §18.3.7
                configuration = false;
                planned = release(client, false, link.now);
                break;
            case 9:                                               // Decline, §18.3.8
                configuration = false;
                planned = release(client, true, link.now);
                break;
            case 4:                                               // Confirm, §18.3.3
                configuration = false;
                planned = confirm(client, subnet);
                break;
            default:                                              // Information-request, §18.3.6
                planned = null;
                break;
        }
        if (planned != null) {
            return planned;
        }
        int start = out.writerIndex();
        if (write(client, out, false)) {
            return Outcome.REPLIED;
        }
        out.writerIndex(start);
        if (writer.error() == Dhcp6EncodeError.MESSAGE_TOO_LONG && write(client, out, true)) {
            return Outcome.REPLIED;
        }
        out.writerIndex(start);
        return Outcome.REPLY_TOO_LONG;
    }

    // ---- RFC 9915 §16: which messages a server discards ------------------------------------------------

    private Outcome discard(Dhcp6MessageView client, int type) {
        boolean clientId = client.clientIdIndex() >= 0;
        int serverIdIndex = client.serverIdIndex();
        switch (type) {
            case 1:                                               // Solicit §16.2, Confirm §16.5, Rebind §16.7
            case 4:
            case 6:
                if (!clientId) {
                    return Outcome.NO_CLIENT_ID;
                }
                return serverIdIndex >= 0 ? Outcome.UNEXPECTED_SERVER_ID : null;
            case 3:                                               // Request §16.4, Renew §16.6, Release §16.9, Decline §16.8
            case 5:
            case 8:
            case 9:
                if (!clientId) {
                    return Outcome.NO_CLIENT_ID;
                }
                if (serverIdIndex < 0) {
                    return Outcome.NO_SERVER_ID;
                }
                return ours(client, serverIdIndex) ? null : Outcome.OTHER_SERVER;
            case 11:                                              // Information-request §16.12
                if (serverIdIndex >= 0 && !ours(client, serverIdIndex)) {
                    return Outcome.OTHER_SERVER;
                }
                if (client.hasOption(OptionCodes.IA_NA) || client.hasOption(OptionCodes.IA_TA)
                        || client.hasOption(OptionCodes.IA_PD)) {
                    return Outcome.IA_IN_INFORMATION_REQUEST;
                }
                return null;
            case 2:
            case 7:
            case 10:
            case 13:
                return Outcome.NOT_FOR_SERVER;
            default:
                return Outcome.UNSUPPORTED_TYPE;
        }
    }

    private boolean ours(Dhcp6MessageView client, int serverIdIndex) {
        if (client.optionLength(serverIdIndex) != serverDuid.length) {
            return false;
        }
        int at = client.optionOffset(serverIdIndex);
        for (int i = 0; i < serverDuid.length; i++) {
            if (client.buffer().getByte(at + i) != serverDuid[i]) {
                return false;
            }
        }
        return true;
    }

    // ---- planning the IAs -------------------------------------------------------------------------------

    private int addIa(int code, long iaid) {
        int k = iaCount++;
        iaCode[k] = code;
        iaId[k] = iaid;
        iaStatus[k] = NONE;
        hasGrant[k] = false;
        hasWithdrawn[k] = false;
        return k;
    }

    /** Solicit and Request: an address per IA_NA, a prefix per IA_PD; bound when {@code bind}. */
    private Outcome assign(Dhcp6MessageView client, SubnetPolicy subnet, long now, boolean bind) {
        for (IaWalk ia = ias.start(client); iaCount < MAX_IAS && ia.next(); ) {
            int k = addIa(ia.code, ia.iaid());
            if (identity < 0 || subnet == null || !choose(subnet, ia.address(), ia.ordinal, now)) {
                iaStatus[k] = ia.unavailableStatus();
                continue;
            }
            grant(k);
            if (bind) {
                long seq = bindLease(ia.address(), ia.ordinal, iaId[k], subnet.lifetimes(), now);
                if (seq < 0) {
                    return Outcome.STORE_BUSY;
                }
            }
        }
        return null;
    }

    /** Chooses into {@link #lease}: the machine's current lease when it is still on this link, else a new one. */
    private boolean choose(SubnetPolicy subnet, boolean address, int ordinal, long now) {
        int type = address ? Lease.ADDRESS : Lease.PREFIX;
        if (store.findByOwner(type, identity, ordinal, lease) && subnet.onLink(lease.high(), lease.low())
                && (!address || inPool(subnet, lease.high(), lease.low()) || reserved(subnet, lease.high(), lease.low()))) {
            return true;
        }
        long mac = MachineIdentity.kind(identity) == MachineIdentity.KIND_MAC ? identity & 0xffff_ffff_ffffL : -1;
        lease.set(type, identity, ordinal, 0, 0, 0, address ? 128 : 0, 0, 0);
        return address ? chooser.chooseAddress(subnet, store, identity, mac, ordinal, 0, now, lease)
                : chooser.choosePrefix(subnet, store, identity, ordinal, 0, now, lease);
    }

    private static boolean inPool(SubnetPolicy subnet, long high, long low) {
        for (int i = 0; i < subnet.pools().size(); i++) {
            if (subnet.pools().get(i).contains(high, low)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reserved(SubnetPolicy subnet, long high, long low) {
        for (int i = 0; i < subnet.reservations().size(); i++) {
            if (subnet.reservations().get(i).addressHigh() == high && subnet.reservations().get(i).addressLow() == low) {
                return true;
            }
        }
        return false;
    }

    private void grant(int k) {
        hasGrant[k] = true;
        grantHigh[k] = lease.high();
        grantLow[k] = lease.low();
        grantLength[k] = lease.prefixLength();
    }

    private long bindLease(boolean address, int ordinal, long iaid, Lifetimes lifetimes, long now) {
        lease.set(address ? Lease.ADDRESS : Lease.PREFIX, identity, ordinal, iaid, lease.high(), lease.low(),
                lease.prefixLength(), now + lifetimes.valid(), lease.attempt());
        long seq = store.bind(lease);
        if (seq > durableAfter) {
            durableAfter = seq;
        }
        if (seq >= 0) {
            listener.leaseBound(lease);
        }
        return seq;
    }

    /** Renew and Rebind (§18.3.4, §18.3.5): extend the binding; without one, recover the deterministic choice. */
    private Outcome extend(Dhcp6MessageView client, SubnetPolicy subnet, long now, boolean rebind) {
        for (IaWalk ia = ias.start(client); iaCount < MAX_IAS && ia.next(); ) {
            boolean address = ia.address();
            int ordinal = ia.ordinal;
            int k = addIa(ia.code, ia.iaid());
            boolean asked = firstAddressIn(client, ia.index, address);
            long askedHigh = cursorHigh;
            long askedLow = cursorLow;
            int askedLength = cursorLength;
            if (subnet == null || identity < 0) {
                if (rebind && asked) {
                    withdraw(k, askedHigh, askedLow, askedLength);  // §18.3.5: not appropriate for the link
                } else {
                    iaStatus[k] = StatusCodes.NO_BINDING;
                }
                continue;
            }
            boolean bound = store.findByOwner(ia.leaseType(), identity, ordinal, lease)
                    && subnet.onLink(lease.high(), lease.low());
            if (!bound) {
                boolean chosen = choose(subnet, address, ordinal, now);
                boolean same = chosen && asked && lease.high() == askedHigh && lease.low() == askedLow;
                if (!same && !rebind) {
                    iaStatus[k] = StatusCodes.NO_BINDING;        // §18.3.4
                    continue;
                }
                if (!chosen) {
                    if (asked) {
                        withdraw(k, askedHigh, askedLow, askedLength);
                    } else {
                        iaStatus[k] = ia.unavailableStatus();
                    }
                    continue;
                }
            }
            grant(k);
            if (asked && (askedHigh != grantHigh[k] || askedLow != grantLow[k])) {
                withdraw(k, askedHigh, askedLow, askedLength);      // the client's other address: lifetimes 0
            }
            if (bindLease(address, ordinal, iaId[k], subnet.lifetimes(), now) < 0) {
                return Outcome.STORE_BUSY;
            }
        }
        return null;
    }

    private void withdraw(int k, long high, long low, int length) {
        hasWithdrawn[k] = true;
        withdrawnHigh[k] = high;
        withdrawnLow[k] = low;
        withdrawnLength[k] = length;
    }

    private long cursorHigh;
    private long cursorLow;
    private int cursorLength;

    /** Reads the first IA Address / IA Prefix inside IA option {@code i} into the cursor fields. */
    private boolean firstAddressIn(Dhcp6MessageView client, int i, boolean address) {
        int wanted = address ? OptionCodes.IA_ADDRESS : OptionCodes.IA_PREFIX;
        for (client.suboptions(i, cursor); cursor.next(); ) {
            if (cursor.code() == wanted) {
                ByteBuf b = cursor.buffer();
                int at = cursor.dataOffset();
                if (address) {
                    cursorHigh = IaAddress.addressHigh(b, at);
                    cursorLow = IaAddress.addressLow(b, at);
                    cursorLength = 128;
                } else {
                    cursorHigh = IaPrefix.prefixHigh(b, at);
                    cursorLow = IaPrefix.prefixLow(b, at);
                    cursorLength = IaPrefix.prefixLength(b, at);
                }
                return true;
            }
        }
        return false;
    }

    /** Release and Decline (§18.3.7, §18.3.8): Success, and NoBinding for IAs without a binding. */
    private Outcome release(Dhcp6MessageView client, boolean decline, long now) {
        for (IaWalk ia = ias.start(client); iaCount < MAX_IAS && ia.next(); ) {
            int type = ia.leaseType();
            if (identity >= 0 && store.findByOwner(type, identity, ia.ordinal, lease)) {
                long seq = decline ? store.decline(type, identity, ia.ordinal, now + 86_400)
                        : store.release(type, identity, ia.ordinal);
                if (seq < 0) {
                    return Outcome.STORE_BUSY;
                }
                durableAfter = Math.max(durableAfter, seq);
            } else {
                int k = addIa(ia.code, ia.iaid());
                iaStatus[k] = StatusCodes.NO_BINDING;
            }
        }
        topStatus = StatusCodes.SUCCESS;
        topMessage = decline ? MSG_DECLINED : MSG_RELEASED;
        return null;
    }

    /** Confirm (§18.3.3): Success when every address is on the link, NotOnLink otherwise; no addresses, no reply. */
    private Outcome confirm(Dhcp6MessageView client, SubnetPolicy subnet) {
        if (subnet == null) {
            return Outcome.CONFIRM_UNANSWERABLE;
        }
        int addresses = 0;
        boolean allOnLink = true;
        for (int i = 0; i < client.optionCount(); i++) {
            if (client.optionCode(i) != OptionCodes.IA_NA) {
                continue;
            }
            for (client.suboptions(i, cursor); cursor.next(); ) {
                if (cursor.code() == OptionCodes.IA_ADDRESS) {
                    addresses++;
                    allOnLink &= subnet.onLink(IaAddress.addressHigh(cursor.buffer(), cursor.dataOffset()),
                            IaAddress.addressLow(cursor.buffer(), cursor.dataOffset()));
                }
            }
        }
        if (addresses == 0) {
            return Outcome.CONFIRM_UNANSWERABLE;
        }
        topStatus = allOnLink ? StatusCodes.SUCCESS : StatusCodes.NOT_ON_LINK;
        topMessage = allOnLink ? MSG_ON_LINK : MSG_NOT_ON_LINK;
        return null;
    }

    // ---- writing ------------------------------------------------------------------------------------------

    private boolean write(Dhcp6MessageView client, ByteBuf out, boolean essentialOnly) {
        int overhead = 0;
        for (Dhcp6MessageView v = view; v.isRelay(); v = v.relayMessage()) {
            int iface = v.indexOf(OptionCodes.INTERFACE_ID);
            overhead += Dhcp6MessageView.RELAY_HEADER_LENGTH + Dhcp6MessageView.OPTION_HEADER_LENGTH
                    + (iface < 0 ? 0 : Dhcp6MessageView.OPTION_HEADER_LENGTH + v.optionLength(iface));
        }
        Dhcp6Writer w = writer.begin(out, policy.maxReplyLength() + overhead);
        int levels = 0;
        for (Dhcp6MessageView v = view; v.isRelay(); v = v.relayMessage()) {
            // RFC 9915 §19.3: hop-count, link-address and peer-address copied from the Relay-forw
            w.relayHeader(Dhcp6MessageType.RELAY_REPL.value(), v.hopCount(), v.linkAddressHigh(), v.linkAddressLow(),
                    v.peerAddressHigh(), v.peerAddressLow());
            int iface = v.indexOf(OptionCodes.INTERFACE_ID);
            if (iface >= 0) {
                w.interfaceId(v.buffer(), v.optionOffset(iface), v.optionLength(iface));
            }
            w.relayMessage();
            levels++;
        }
        w.header(replyType, client.transactionId());
        int c = client.clientIdIndex();
        if (c >= 0) {
            w.clientId(client.buffer(), client.optionOffset(c), client.optionLength(c));
        }
        w.serverId(serverDuid);
        SubnetPolicy subnet = decision.subnet();
        Lifetimes times = subnet == null ? Lifetimes.DEFAULT : subnet.lifetimes();
        for (int k = 0; k < iaCount; k++) {
            boolean address = iaCode[k] == OptionCodes.IA_NA;
            boolean granted = hasGrant[k];
            long t1 = granted ? times.t1() : 0;
            long t2 = granted ? times.t2() : 0;
            if (address) {
                w.iaNa(iaId[k], t1, t2);
            } else {
                w.iaPd(iaId[k], t1, t2);
            }
            if (granted) {
                if (address) {
                    w.iaAddress(grantHigh[k], grantLow[k], times.preferred(), times.valid());
                } else {
                    w.iaPrefix(times.preferred(), times.valid(), grantLength[k], grantHigh[k], grantLow[k]);
                }
            }
            if (hasWithdrawn[k]) {
                if (address) {
                    w.iaAddress(withdrawnHigh[k], withdrawnLow[k], 0, 0);
                } else {
                    w.iaPrefix(0, 0, withdrawnLength[k], withdrawnHigh[k], withdrawnLow[k]);
                }
            }
            if (iaStatus[k] != NONE) {
                w.statusCode(iaStatus[k], statusMessage(iaStatus[k]));
            }
            w.endOption();
        }
        if (topStatus != NONE) {
            w.statusCode(topStatus, topMessage);
        }
        if (rapidCommitReply) {
            w.rapidCommit();                                      // RFC 9915 §18.3.1
        }
        if (configuration) {
            policy.writeOptions(client, decision, replyType, w, essentialOnly);
        }
        for (int i = 0; i < levels; i++) {
            w.endOption();
        }
        return w.finish();
    }


    /**
     * The IA_NA and IA_PD options of a message in wire order, each with its ordinal among the IAs of its kind
     * (the n-th IA_NA holds the machine's n-th address lease, the n-th IA_PD its n-th prefix); IA_TA is skipped,
     * RFC 9915 §21.5. One per responder, restarted per message: no allocation.
     */
    private static final class IaWalk {
        private Dhcp6MessageView message;
        private int addresses;
        private int prefixes;
        /** The option index of the current IA in {@code message}. */
        int index;
        /** {@link OptionCodes#IA_NA} or {@link OptionCodes#IA_PD}. */
        int code;
        int ordinal;

        IaWalk start(Dhcp6MessageView value) {
            message = value;
            index = -1;
            addresses = 0;
            prefixes = 0;
            return this;
        }

        /** Moves to the next IA_NA or IA_PD; false when there is none. */
        boolean next() {
            while (++index < message.optionCount()) {
                int c = message.optionCode(index);
                if (c == OptionCodes.IA_NA || c == OptionCodes.IA_PD) {
                    code = c;
                    ordinal = address() ? addresses++ : prefixes++;
                    return true;
                }
            }
            return false;
        }

        /** Whether the current IA is an IA_NA (an address) rather than an IA_PD (a prefix). */
        boolean address() {
            return code == OptionCodes.IA_NA;
        }

        /** 4 octets IAID, first in both IA_NA (RFC 9915 §21.4) and IA_PD (§21.21). */
        long iaid() {
            return IaNa.iaid(message.buffer(), message.optionOffset(index));
        }

        int leaseType() {
            return address() ? Lease.ADDRESS : Lease.PREFIX;
        }

        /** The status of an IA nothing could be assigned to: NoAddrsAvail or NoPrefixAvail (§18.3.1). */
        int unavailableStatus() {
            return address() ? StatusCodes.NO_ADDRS_AVAIL : StatusCodes.NO_PREFIX_AVAIL;
        }
    }

    private static String statusMessage(int code) {
        switch (code) {
            case StatusCodes.NO_ADDRS_AVAIL:
                return MSG_NO_ADDRS;
            case StatusCodes.NO_PREFIX_AVAIL:
                return MSG_NO_PREFIX;
            case StatusCodes.NO_BINDING:
                return MSG_NO_BINDING;
            case StatusCodes.NOT_ON_LINK:
                return MSG_NOT_ON_LINK;
            default:
                return "";
        }
    }
}
