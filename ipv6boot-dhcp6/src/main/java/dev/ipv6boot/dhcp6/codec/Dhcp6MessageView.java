package dev.ipv6boot.dhcp6.codec;

import dev.ipv6boot.dhcp6.catalog.OptionCatalog;
import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.catalog.OptionFormat;
import dev.ipv6boot.dhcp6.codec.option.ClientArchitecture;
import dev.ipv6boot.dhcp6.codec.option.ClientLinkLayerAddress;
import dev.ipv6boot.dhcp6.codec.option.DomainList;
import dev.ipv6boot.dhcp6.codec.option.Duid;
import dev.ipv6boot.dhcp6.codec.option.ElapsedTime;
import dev.ipv6boot.dhcp6.codec.option.Octets;
import dev.ipv6boot.dhcp6.codec.option.OptionRequest;
import dev.ipv6boot.dhcp6.codec.option.Preference;
import dev.ipv6boot.dhcp6.codec.option.UserClass;
import dev.ipv6boot.dhcp6.codec.option.VendorClass;
import io.netty.buffer.ByteBuf;

/**
 * A reusable, allocation-free read view of one DHCPv6 message (RFC 9915 §8 client/server layout, §9 relay
 * layout) over a Netty {@link ByteBuf}: {@link #wrap} validates the whole message, every nested region
 * included, and indexes its top-level options as (code, offset, length) in int arrays, in wire order with
 * duplicates kept. Typed values are read on demand. A heap buffer's octets are read in place; a direct buffer's
 * are copied once per wrap into an array the view keeps (no allocation once warm), which validation and the
 * typed accessors read, because every {@code ByteBuf} access costs reference-count and bounds checks.
 *
 * <pre>{@code
 * Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);   // one per event-loop thread
 * if (!view.wrap(datagram.content())) {
 *     dropped[view.error().ordinal()]++;                                 // reason and view.errorOffset()
 *     return;
 * }
 * Dhcp6MessageView client = view.innermost();                           // through any relay chain
 * boolean ipxe = client.hasUserClass("iPXE");
 * }</pre>
 *
 * <p>Ownership: {@link #wrap(ByteBuf)} borrows the buffer. It reads bytes {@code readerIndex..writerIndex},
 * never changes the indices, never retains or releases; the view and every value read from it are valid
 * until the buffer is released or the view is wrapped again; the buffer's content must not change meanwhile
 * (the typed accessors of a direct buffer's view answer from the octets copied by {@code wrap}). Not
 * thread-safe: keep one per thread.
 */
public final class Dhcp6MessageView {

    /** 1 octet msg-type, 3 octets transaction-id (RFC 9915 §8). */
    public static final int CLIENT_HEADER_LENGTH = 4;
    /** 1 octet msg-type, 1 octet hop-count, 16 octets link-address, 16 octets peer-address (RFC 9915 §9). */
    public static final int RELAY_HEADER_LENGTH = 34;
    /** 4 octets option-code and option-len before every option's data (RFC 9915 §21.1). */
    public static final int OPTION_HEADER_LENGTH = 4;

    private static final int INITIAL_CAPACITY = 16;
    private static final int INITIAL_OCTETS = 1500;               // an Ethernet frame's worth

    // How validation treats each option code, derived once from the catalogue's formats (OptionCatalog) so the
    // per-option work is one table load, one branch-free length test, and a switch only for structured data.
    // A rule packs: bits 0-15 the shortest valid length, 16-31 how much longer it may be, 32-47 a mask whose bits
    // must be clear in the length (lists of 2- or 16-octet elements), 48-55 the kind, 56-63 where encapsulated
    // options or items start in the data. A plain rule is 0 above bit 47.
    private static final int KIND_PLAIN = 0;                      // the length test is the whole check
    private static final int KIND_DUID = 1;
    private static final int KIND_OPTIONS = 2;                    // IA_NA, IA_TA, IA_PD, IA Address, IA Prefix
    private static final int KIND_VENDOR_OPTIONS = 3;             // sub-option codes belong to the enterprise
    private static final int KIND_ITEMS = 4;                      // User Class, Vendor Class, Boot File Parameters
    private static final int KIND_DOMAIN_LIST = 5;
    private static final int KIND_FQDN = 6;
    private static final long RULE_ANY_LENGTH = rule(0, 0xffff, 0, KIND_PLAIN, 0);
    private static final long[] RULES = rules();

    private final Dhcp6Limits limits;
    private final int maxOptions;
    private final int maxEncapsulationDepth;
    private final int maxDuidLength;
    private final Dhcp6MessageView root;
    private final int relayLevel;
    private Dhcp6MessageView child;

    private ByteBuf buf;
    private int start;
    private int length;
    // The message's octets, shared down the relay chain: validation and the typed accessors read plain array
    // elements instead of going through ByteBuf accessors, each of which checks the reference count and bounds
    // (on JDK 24+, without Unsafe, through a ByteBuffer as well). A heap buffer's own array is read in place; a
    // direct buffer's octets are copied once per wrap into the root's scratch array. octets[at - octetsBase]
    // holds the buffer's octet at absolute index at.
    private byte[] octets;
    private int octetsBase;
    private byte[] scratch;
    private int messageType = -1;
    private boolean valid;
    private boolean headerComplete;
    private int optionTotal;
    private int count;
    private int[] headers;                                        // option-code << 16 | option-len, as on the wire
    private int[] offsets;
    private int relayMessageIndex;

    // Only meaningful on the root view: the first error met anywhere in the chain.
    private Dhcp6DecodeError error = Dhcp6DecodeError.NONE;
    private int errorAt;

    /** A view bounded by {@code limits}; allocate one per thread and reuse it for every message. */
    public Dhcp6MessageView(Dhcp6Limits limits) {
        this(limits, null, 0);
    }

    private Dhcp6MessageView(Dhcp6Limits limits, Dhcp6MessageView root, int relayLevel) {
        if (limits == null) {
            throw new NullPointerException("limits");
        }
        this.limits = limits;
        this.maxOptions = limits.maxOptions();
        this.maxEncapsulationDepth = limits.maxEncapsulationDepth();
        this.maxDuidLength = limits.maxDuidLength();
        this.root = root == null ? this : root;
        this.relayLevel = relayLevel;
        int capacity = Math.min(INITIAL_CAPACITY, limits.maxOptions());
        this.headers = new int[capacity];
        this.offsets = new int[capacity];
    }

    private static long rule(int min, int max, int mask, int kind, int inner) {
        return min | (long) (max - min) << 16 | (long) mask << 32 | (long) kind << 48 | (long) inner << 56;
    }

    private static long[] rules() {
        int size = 0;
        for (int code = 0; code <= 0xffff; code++) {
            if (OptionCatalog.formatOf(code) != OptionFormat.OPAQUE) {
                size = code + 1;                                  // codes past the last known one are opaque
            }
        }
        long[] rules = new long[size];
        for (int code = 0; code < size; code++) {
            rules[code] = ruleOf(OptionCatalog.formatOf(code));
        }
        return rules;
    }

    private static long ruleOf(OptionFormat format) {
        int min = format.minimumLength();
        switch (format) {
            case OPAQUE:
            case STRING:
            case RELAY_MESSAGE:                                   // outside a relay's top level: carried opaque
                return RULE_ANY_LENGTH;
            case DUID:
                return rule(Duid.MIN_LENGTH, 0xffff, 0, KIND_DUID, 0);   // the rest by type, against the limits
            case IA_NA:
            case IA_TA:
            case IA_PD:
            case IA_ADDRESS:
            case IA_PREFIX:
                return rule(min, 0xffff, 0, KIND_OPTIONS, format.suboptionsOffset());
            case VENDOR_OPTIONS:
                return rule(min, 0xffff, 0, KIND_VENDOR_OPTIONS, format.suboptionsOffset());
            case VENDOR_CLASS:
                return rule(min, 0xffff, 0, KIND_ITEMS, VendorClass.FIXED_LENGTH);
            case USER_CLASS:
            case BOOT_PARAMETERS:
                return rule(min, 0xffff, 0, KIND_ITEMS, 0);
            case DOMAIN_LIST:
                return rule(min, 0xffff, 0, KIND_DOMAIN_LIST, 0);
            case FQDN:
                return rule(min, 0xffff, 0, KIND_FQDN, 1);        // 1 octet flags, then the name
            default:
                int element = format.elementSize();
                if (element > 0 && Integer.bitCount(element) != 1) {
                    throw new IllegalStateException(format + ": element size " + element + " is not a power of 2");
                }
                return rule(min, format.fixedLength() >= 0 ? format.fixedLength() : 0xffff,
                        element > 0 ? element - 1 : 0, KIND_PLAIN, 0);
        }
    }

    /** The error of an option whose data length is outside its format's bounds (a failed rule length test). */
    private static Dhcp6DecodeError lengthError(int code) {
        switch (OptionCatalog.formatOf(code)) {
            case IA_NA:
                return Dhcp6DecodeError.IA_NA_TOO_SHORT;
            case IA_TA:
                return Dhcp6DecodeError.IA_TA_TOO_SHORT;
            case IA_PD:
                return Dhcp6DecodeError.IA_PD_TOO_SHORT;
            case IA_ADDRESS:
                return Dhcp6DecodeError.IA_ADDRESS_TOO_SHORT;
            case IA_PREFIX:
                return Dhcp6DecodeError.IA_PREFIX_TOO_SHORT;
            case VENDOR_OPTIONS:
            case VENDOR_CLASS:
            case ENTERPRISE_OPAQUE:
                return Dhcp6DecodeError.VENDOR_OPTION_TOO_SHORT;
            case STATUS_CODE:
                return Dhcp6DecodeError.STATUS_CODE_TOO_SHORT;
            case DUID:
                return Dhcp6DecodeError.DUID_TOO_SHORT;
            default:
                return Dhcp6DecodeError.OPTION_LENGTH_INVALID;
        }
    }

    /** The limits this view enforces. */
    public Dhcp6Limits limits() {
        return limits;
    }

    /**
     * Validates and indexes the message in {@code buf}'s readable bytes. Borrows {@code buf} (see the class
     * comment). Never throws on any content and never reads outside {@code [readerIndex, writerIndex)}.
     *
     * @return whether the message is valid; if not, {@link #error()} and {@link #errorOffset()} say why
     */
    public boolean wrap(ByteBuf buf) {
        return wrap(buf, buf.readerIndex(), buf.readableBytes());
    }

    /**
     * Like {@link #wrap(ByteBuf)} for the {@code length} bytes at absolute index {@code index}, which must
     * lie within {@code buf}'s readable bytes (a caller's mistake otherwise, reported by an exception).
     *
     * @throws IllegalStateException on a relayed message's view ({@link #relayMessage()}): wrap the outermost
     */
    public boolean wrap(ByteBuf buf, int index, int length) {
        if (root != this) {
            throw new IllegalStateException("a relayed message's view is filled by its relay's wrap");
        }
        if (index < buf.readerIndex() || length < 0 || index > buf.writerIndex() - length) {
            throw new IndexOutOfBoundsException("region " + index + "+" + length + " outside readable bytes "
                    + buf.readerIndex() + ".." + buf.writerIndex());
        }
        error = Dhcp6DecodeError.NONE;
        errorAt = 0;
        if (length > limits.maxMessageSize()) {
            reset(buf, index, length);
            return fail(Dhcp6DecodeError.MESSAGE_TOO_LONG, index + limits.maxMessageSize());
        }
        if (buf.hasArray()) {
            octets = buf.array();                                 // read in place
            octetsBase = -buf.arrayOffset();
        } else {
            if (scratch == null || scratch.length < length) {
                scratch = new byte[Math.max(length, scratch == null ? INITIAL_OCTETS : 2 * scratch.length)]; // warm-up
            }
            ByteBufCopy.toArray(buf, index, scratch, 0, length);
            octets = scratch;
            octetsBase = index;
        }
        return parseChain(buf, index, length);
    }

    private void reset(ByteBuf buf, int index, int length) {
        this.buf = buf;
        this.start = index;
        this.length = length;
        this.valid = false;
        this.headerComplete = false;
        this.count = 0;
        this.optionTotal = 0;
        this.relayMessageIndex = -1;
        this.messageType = -1;
    }

    /**
     * Parses the message and, down the relay chain, each relayed message (RFC 9915 §9): per level its header, then
     * a walk that indexes and checks its top-level options; a relay's Relay Message is only indexed by that walk
     * and becomes the next level. Levels are marked valid once the innermost message is.
     *
     * <p>Levels and options are two loops of this one method, not a call per level: a method called once per
     * level is compiled on its own before its caller when relays are parsed, and is then too large to be inlined
     * into it, which cost a relay chain a call and field reloads per level (a two-hop Relay-forward took 62-67 ns
     * that way, 50-51 ns in one method; see the bench README).
     */
    private boolean parseChain(ByteBuf buf, int index, int length) {
        Dhcp6MessageView level = this;
        while (true) {
            level.reset(buf, index, length);
            level.octets = octets;
            level.octetsBase = octetsBase;
            if (length < 1) {
                return level.fail(Dhcp6DecodeError.TRUNCATED_HEADER, index);
            }
            int type = u8(index);                                 // 1 octet msg-type, RFC 9915 §8, §9
            level.messageType = type;
            boolean relay = Dhcp6MessageType.isRelay(type);
            if (relay && level.relayLevel >= limits.maxRelayHops()) {
                return level.fail(Dhcp6DecodeError.RELAY_TOO_DEEP, index);
            }
            int headerLength = relay ? RELAY_HEADER_LENGTH : CLIENT_HEADER_LENGTH;
            if (length < headerLength) {
                return level.fail(Dhcp6DecodeError.TRUNCATED_HEADER, index);
            }
            level.headerComplete = true;
            int end = index + length;
            int p = index + headerLength;
            while (p < end) {                                     // the level's top-level options
                if (end - p < OPTION_HEADER_LENGTH) {
                    return level.fail(Dhcp6DecodeError.TRAILING_BYTES, p);
                }
                int header = s32(p);                              // one read for both header fields:
                int code = header >>> 16;                         // 2 octets option-code, RFC 9915 §21.1
                int len = header & 0xffff;                        // 2 octets option-len
                int data = p + OPTION_HEADER_LENGTH;
                if (len > end - data) {
                    return level.fail(Dhcp6DecodeError.OPTION_OVERRUNS_MESSAGE, p);
                }
                if (++level.optionTotal > maxOptions) {
                    return level.fail(Dhcp6DecodeError.TOO_MANY_OPTIONS, p);
                }
                level.index(header, data);
                if (code == OptionCodes.RELAY_MESSAGE && relay) {
                    if (level.relayMessageIndex >= 0) {
                        return level.fail(Dhcp6DecodeError.RELAY_MESSAGE_DUPLICATE, p);
                    }
                    level.relayMessageIndex = level.count - 1;
                } else {
                    long rule = ruleOf(code);
                    if (!lengthFits(rule, len)) {
                        return level.fail(lengthError(code), p);
                    }
                    if (hasStructure(rule, len) && !level.checkStructured(rule, p, data, len, 1)) {
                        return false;
                    }
                }
                p = data + len;
            }
            if (!relay) {
                for (Dhcp6MessageView v = this; v != level; v = v.child) {
                    v.valid = true;
                }
                level.valid = true;
                return true;
            }
            if (level.relayMessageIndex < 0) {
                return level.fail(Dhcp6DecodeError.RELAY_MESSAGE_MISSING, index);
            }
            index = level.offsets[level.relayMessageIndex];
            length = level.headers[level.relayMessageIndex] & 0xffff;
            level = level.child();
        }
    }

    private Dhcp6MessageView child() {
        if (child == null) {
            child = new Dhcp6MessageView(limits, root, relayLevel + 1);   // once per depth, then reused
        }
        return child;
    }

    /**
     * Walks the options encapsulated in {@code [from, end)} at {@code depth} (2 for those of a top-level option).
     * {@code typed} is false inside Vendor Options, whose sub-option codes belong to the enterprise and not to
     * the catalogue.
     */
    private boolean parseNested(int from, int end, int depth, boolean typed) {
        int p = from;
        while (p < end) {
            if (end - p < OPTION_HEADER_LENGTH) {
                return fail(Dhcp6DecodeError.TRAILING_BYTES, p);
            }
            int header = s32(p);                                  // 2 octets option-code, 2 octets option-len
            int code = header >>> 16;
            int len = header & 0xffff;
            int data = p + OPTION_HEADER_LENGTH;
            if (len > end - data) {
                return fail(Dhcp6DecodeError.SUBOPTION_OVERRUNS_OPTION, p);
            }
            if (++optionTotal > maxOptions) {
                return fail(Dhcp6DecodeError.TOO_MANY_OPTIONS, p);
            }
            if (typed) {
                long rule = ruleOf(code);
                if (!lengthFits(rule, len)) {
                    return fail(lengthError(code), p);
                }
                if (hasStructure(rule, len) && !checkStructured(rule, p, data, len, depth)) {
                    return false;
                }
            }
            p = data + len;
        }
        return true;
    }

    private void index(int header, int data) {
        if (count == headers.length) {
            int capacity = Math.min(headers.length * 2, limits.maxOptions());
            headers = java.util.Arrays.copyOf(headers, capacity);   // growth only while warming up
            offsets = java.util.Arrays.copyOf(offsets, capacity);
        }
        headers[count] = header;
        offsets[count] = data;
        count++;
    }

    // The per-option checks are written out in both walks, with only structured data in a method of its own:
    // once compiled, a method holding all of it was too large for the JIT to inline, a call per option.

    /** The validation rule of option {@code code}. */
    private static long ruleOf(int code) {
        return code < RULES.length ? RULES[code] : RULE_ANY_LENGTH;
    }

    /**
     * Whether {@code len} is within the rule's bounds (one unsigned comparison) with no bit of its mask set
     * ({@code len} < 2^16, so the kind and inner bits above the mask cannot match): the whole check of every
     * fixed-size and list format.
     */
    private static boolean lengthFits(long rule, int len) {
        int bounds = (int) rule;
        return Integer.compareUnsigned(len - (bounds & 0xffff), bounds >>> 16) <= 0 & (len & (int) (rule >>> 32)) == 0;
    }

    /**
     * Whether data of {@code len} octets has structure left to check: the rule has a kind, and the data is longer
     * than its fixed part (an IA_NA of 12 octets, a Vendor Class without items, a Client FQDN of flags alone
     * are whole once their length fits; a DUID's fixed part is 0 and its shortest length 3, so it always has).
     */
    private static boolean hasStructure(long rule, int len) {
        return rule >>> 48 != 0 && len != (int) (rule >>> 56);
    }

    /** The checks of structured data (a rule with a kind), after the length test; {@code p} is the option. */
    private boolean checkStructured(long rule, int p, int data, int len, int depth) {
        int inner = (int) (rule >>> 56);                          // where the structure starts in the data
        int end = data + len;
        switch ((int) (rule >>> 48) & 0xff) {
            case KIND_DUID:
                return checkDuid(p, data, len);
            case KIND_OPTIONS:
                return encapsulated(data + inner, end, depth, true);
            case KIND_VENDOR_OPTIONS:
                return encapsulated(data + inner, end, depth, false);
            case KIND_ITEMS:
                return checkItems(data + inner, end);
            case KIND_DOMAIN_LIST:
                for (int q = data; q < end; ) {
                    int next = DomainList.nameEnd(octets, q - octetsBase, end - octetsBase);
                    if (next < 0) {
                        return fail(Dhcp6DecodeError.DOMAIN_NAME_INVALID, q);
                    }
                    q = next + octetsBase;
                }
                return true;
            case KIND_FQDN:
                return DomainList.partialNameEnd(octets, data + inner - octetsBase, end - octetsBase) >= 0
                        || fail(Dhcp6DecodeError.DOMAIN_NAME_INVALID, data + inner);
            default:
                throw new AssertionError(rule);
        }
    }

    private boolean checkDuid(int p, int data, int len) {
        if (len < Duid.MIN_LENGTH) {
            return fail(Dhcp6DecodeError.DUID_TOO_SHORT, p);
        }
        if (len > maxDuidLength) {
            return fail(Dhcp6DecodeError.DUID_TOO_LONG, p);
        }
        int type = u16(data);                                    // 2 octets DUID-Type, RFC 9915 §11.1
        if (len < Duid.minimumLength(type)) {
            return fail(Dhcp6DecodeError.DUID_TOO_SHORT, p);
        }
        int fixed = Duid.fixedLength(type);
        if (fixed >= 0 && len > fixed) {
            return fail(Dhcp6DecodeError.DUID_TOO_LONG, p);
        }
        return true;
    }

    /** Walks the options encapsulated in {@code [from, end)}, one level deeper than {@code depth}. */
    private boolean encapsulated(int from, int end, int depth, boolean typed) {
        if (from == end) {
            return true;
        }
        if (depth + 1 > maxEncapsulationDepth) {
            return fail(Dhcp6DecodeError.ENCAPSULATION_TOO_DEEP, from);
        }
        return parseNested(from, end, depth + 1, typed);
    }

    /** Length-prefixed items (RFC 9915 §21.15) must fill {@code [from, end)} exactly. */
    private boolean checkItems(int from, int end) {
        for (int q = from; q < end; ) {
            if (end - q < 2) {
                return fail(Dhcp6DecodeError.ITEM_OVERRUNS_OPTION, q);
            }
            int itemLength = u16(q);                              // 2 octets item length
            if (itemLength > end - q - 2) {
                return fail(Dhcp6DecodeError.ITEM_OVERRUNS_OPTION, q);
            }
            q += 2 + itemLength;
        }
        return true;
    }

    // Big-endian reads of the octets at absolute buffer indices; callers checked bounds.
    private int u8(int at) {
        return octets[at - octetsBase] & 0xff;
    }

    private int u16(int at) {
        return Octets.u16(octets, at - octetsBase);
    }

    private int s32(int at) {
        return Octets.s32(octets, at - octetsBase);
    }

    private boolean fail(Dhcp6DecodeError reason, int at) {
        valid = false;
        if (root.error == Dhcp6DecodeError.NONE) {
            root.error = reason;
            root.errorAt = at;
        }
        return false;
    }

    // ---- result of wrap -------------------------------------------------------------------------------

    /** Whether the last {@link #wrap} succeeded. */
    public boolean isValid() {
        return valid;
    }

    /** Why the last {@link #wrap} failed, {@link Dhcp6DecodeError#NONE} after a success. */
    public Dhcp6DecodeError error() {
        return root.error;
    }

    /** Where the error was found: the byte offset from the start of the outermost wrapped message; 0 if none. */
    public int errorOffset() {
        return root.error == Dhcp6DecodeError.NONE ? 0 : root.errorAt - root.start;
    }

    // ---- header -------------------------------------------------------------------------------------------

    /** The wrapped buffer (borrowed: see the class comment). */
    public ByteBuf buffer() {
        return buf;
    }

    /** The absolute index in {@link #buffer()} where this message starts. */
    public int messageOffset() {
        return start;
    }

    /** This message's length in octets; for a relayed message, the length of its Relay Message option. */
    public int messageLength() {
        return length;
    }

    /** 1 octet msg-type (RFC 9915 §7.3), -1 when not even that could be read. */
    public int messageType() {
        return messageType;
    }

    /** The registry entry of {@link #messageType()}; never null once a message has been wrapped. */
    public Dhcp6MessageType type() {
        return Dhcp6MessageType.valueOf(messageType);
    }

    /** Whether this is a Relay-forw or Relay-repl (RFC 9915 §9). */
    public boolean isRelay() {
        return Dhcp6MessageType.isRelay(messageType);
    }

    /** 3 octets transaction-id (RFC 9915 §8), or -1 for a relay message, which has none. */
    public int transactionId() {
        return isRelay() || !headerComplete ? -1 : s32(start) & 0xffffff;      // after the 1-octet msg-type
    }

    /** 1 octet hop-count of a relay message (RFC 9915 §9), or -1. */
    public int hopCount() {
        return isRelay() && headerComplete ? u8(start + 1) : -1;
    }

    /** How many relay messages enclose this one: 0 for the outermost. */
    public int relayLevel() {
        return relayLevel;
    }

    /** Absolute index of the 16-octet link-address of a relay message (RFC 9915 §9). */
    public int linkAddressOffset() {
        return start + 2;
    }

    /** Absolute index of the 16-octet peer-address of a relay message (RFC 9915 §9). */
    public int peerAddressOffset() {
        return start + 18;
    }

    /** Copies the link-address of this relay message into {@code dst[0..16)}. */
    public void linkAddress(byte[] dst) {
        requireRelayHeader();
        System.arraycopy(octets, linkAddressOffset() - octetsBase, dst, 0, 16);
    }

    /** Copies the peer-address of this relay message into {@code dst[0..16)}. */
    public void peerAddress(byte[] dst) {
        requireRelayHeader();
        System.arraycopy(octets, peerAddressOffset() - octetsBase, dst, 0, 16);
    }

    /** High 64 bits of the link-address, RFC 9915 §9. */
    public long linkAddressHigh() {
        requireRelayHeader();
        return Octets.s64(octets, linkAddressOffset() - octetsBase);
    }

    /** Low 64 bits of the link-address. */
    public long linkAddressLow() {
        requireRelayHeader();
        return Octets.s64(octets, linkAddressOffset() + 8 - octetsBase);
    }

    /** High 64 bits of the peer-address, RFC 9915 §9. */
    public long peerAddressHigh() {
        requireRelayHeader();
        return Octets.s64(octets, peerAddressOffset() - octetsBase);
    }

    /** Low 64 bits of the peer-address. */
    public long peerAddressLow() {
        requireRelayHeader();
        return Octets.s64(octets, peerAddressOffset() + 8 - octetsBase);
    }

    private void requireRelayHeader() {
        if (!isRelay() || !headerComplete) {
            throw new IllegalStateException("not a relay message with a complete header");
        }
    }

    /** The message in this relay message's Relay Message option, or {@code null} when not a valid relay. */
    public Dhcp6MessageView relayMessage() {
        return valid && isRelay() ? child : null;
    }

    /** The index of the Relay Message option (9) of a relay message, or -1. */
    public int relayMessageIndex() {
        return isRelay() ? relayMessageIndex : -1;
    }

    /** The client or server message at the bottom of the relay chain (this view when it is not a relay). */
    public Dhcp6MessageView innermost() {
        Dhcp6MessageView v = this;
        while (v.isRelay() && v.valid) {
            v = v.child;
        }
        return v;
    }

    // ---- option index -------------------------------------------------------------------------------------

    /** How many top-level options this message carries. */
    public int optionCount() {
        return count;
    }

    /** The code of top-level option {@code i} (wire order). */
    public int optionCode(int i) {
        checkIndex(i);
        return headers[i] >>> 16;
    }

    /** The absolute index in {@link #buffer()} of option {@code i}'s data (after its 4-octet header). */
    public int optionOffset(int i) {
        checkIndex(i);
        return offsets[i];
    }

    /** The length of option {@code i}'s data. */
    public int optionLength(int i) {
        checkIndex(i);
        return headers[i] & 0xffff;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("option index " + i + " of " + count);
        }
    }

    /** The index of the first option with {@code code}, or -1. */
    public int indexOf(int code) {
        return nextIndexOf(code, 0);
    }

    /** The index of the first option with {@code code} at or after index {@code from}, or -1. */
    public int nextIndexOf(int code, int from) {
        for (int i = Math.max(0, from); i < count; i++) {
            if (headers[i] >>> 16 == code) {
                return i;
            }
        }
        return -1;
    }

    /** Whether an option with {@code code} is present. */
    public boolean hasOption(int code) {
        return indexOf(code) >= 0;
    }

    /** How many options with {@code code} this message carries (IA_NA may repeat). */
    public int countOf(int code) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (headers[i] >>> 16 == code) {
                n++;
            }
        }
        return n;
    }

    /**
     * Positions {@code cursor} over the options encapsulated in top-level option {@code i} (IA_NA, IA_TA,
     * IA_PD, Vendor Options...); the cursor is empty when the option's format carries none.
     */
    public Dhcp6OptionCursor suboptions(int i, Dhcp6OptionCursor cursor) {
        return cursor.encapsulatedIn(buf, optionCode(i), offsets[i], headers[i] & 0xffff);
    }

    // ---- typed accessors ----------------------------------------------------------------------------------

    /** Index of the Client Identifier (1, RFC 9915 §21.2), or -1. */
    public int clientIdIndex() {
        return indexOf(OptionCodes.CLIENT_ID);
    }

    /** Index of the Server Identifier (2, RFC 9915 §21.3), or -1. */
    public int serverIdIndex() {
        return indexOf(OptionCodes.SERVER_ID);
    }

    /** The DUID type of the Client Identifier (RFC 9915 §11.1), or -1. */
    public int clientDuidType() {
        int i = clientIdIndex();
        return i < 0 ? -1 : Duid.type(octets, offsets[i] - octetsBase);
    }

    /** The Ethernet MAC inside a DUID-LL or DUID-LLT Client Identifier, or -1. */
    public long clientDuidEthernetAddress() {
        int i = clientIdIndex();
        return i < 0 ? -1 : Duid.ethernetAddress(octets, offsets[i] - octetsBase, (headers[i] & 0xffff));
    }

    /** Whether the Client Identifier equals the {@code length} octets at {@code offset} of {@code other}. */
    public boolean clientIdEquals(ByteBuf other, int offset, int length) {
        int i = clientIdIndex();
        return i >= 0 && (headers[i] & 0xffff) == length && io.netty.buffer.ByteBufUtil.equals(buf, offsets[i], other, offset, length);
    }

    /** How many architecture types the first Client Architecture Type option (61, RFC 5970 §3.3) lists. */
    public int archTypeCount() {
        int i = indexOf(OptionCodes.CLIENT_ARCH_TYPE);
        return i < 0 ? 0 : ClientArchitecture.count((headers[i] & 0xffff));
    }

    /** Architecture type {@code n} of the first option 61 (names in {@code ArchitectureTypes}). */
    public int archType(int n) {
        int i = indexOf(OptionCodes.CLIENT_ARCH_TYPE);
        if (i < 0 || n < 0 || n >= ClientArchitecture.count((headers[i] & 0xffff))) {
            throw new IndexOutOfBoundsException("arch type " + n + " of " + archTypeCount());
        }
        return ClientArchitecture.type(octets, offsets[i] - octetsBase, n);
    }

    /** Whether the client lists architecture {@code type} in option 61. */
    public boolean hasArchType(int type) {
        int i = indexOf(OptionCodes.CLIENT_ARCH_TYPE);
        return i >= 0 && ClientArchitecture.contains(octets, offsets[i] - octetsBase, (headers[i] & 0xffff), type);
    }

    /** Whether any User Class option (15, RFC 9915 §21.15) has a user-class-data item equal to {@code text}. */
    public boolean hasUserClass(CharSequence text) {
        for (int i = indexOf(OptionCodes.USER_CLASS); i >= 0; i = nextIndexOf(OptionCodes.USER_CLASS, i + 1)) {
            if (UserClass.containsItem(octets, offsets[i] - octetsBase, (headers[i] & 0xffff), text)) {
                return true;
            }
        }
        return false;
    }

    /** The enterprise number of the first Vendor Class option (16, RFC 9915 §21.16), or -1. */
    public long vendorClassEnterprise() {
        int i = indexOf(OptionCodes.VENDOR_CLASS);
        return i < 0 ? -1 : VendorClass.enterpriseNumber(octets, offsets[i] - octetsBase);
    }

    /** Whether any vendor-class-data item of any option 16 starts with {@code prefix} ("HTTPClient"). */
    public boolean vendorClassStartsWith(CharSequence prefix) {
        for (int i = indexOf(OptionCodes.VENDOR_CLASS); i >= 0; i = nextIndexOf(OptionCodes.VENDOR_CLASS, i + 1)) {
            if (VendorClass.anyItemStartsWith(octets, offsets[i] - octetsBase, (headers[i] & 0xffff), prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the message carries Rapid Commit (14, RFC 9915 §21.14). */
    public boolean hasRapidCommit() {
        return hasOption(OptionCodes.RAPID_COMMIT);
    }

    /** Elapsed Time (8, RFC 9915 §21.9) in hundredths of a second, or -1 when absent. */
    public int elapsedTime() {
        int i = indexOf(OptionCodes.ELAPSED_TIME);
        return i < 0 ? -1 : ElapsedTime.centiseconds(octets, offsets[i] - octetsBase);
    }

    /** Whether the Option Request option (6, RFC 9915 §21.7) asks for {@code code}. */
    public boolean requestsOption(int code) {
        int i = indexOf(OptionCodes.OPTION_REQUEST);
        return i >= 0 && OptionRequest.contains(octets, offsets[i] - octetsBase, (headers[i] & 0xffff), code);
    }

    /** Preference (7, RFC 9915 §21.8), or -1 when absent. */
    public int preference() {
        int i = indexOf(OptionCodes.PREFERENCE);
        return i < 0 ? -1 : Preference.value(octets, offsets[i] - octetsBase);
    }

    /**
     * The 6-octet address of the Client Link-Layer Address option (79, RFC 6939 §4) as a long, or -1 when
     * absent or not 6 octets. Relays add it, so look in the relay message ({@link #clientLinkLayerType()}).
     */
    public long clientLinkLayerAddress() {
        int i = indexOf(OptionCodes.CLIENT_LINKLAYER_ADDRESS);
        return i < 0 ? -1 : ClientLinkLayerAddress.address48(octets, offsets[i] - octetsBase, (headers[i] & 0xffff));
    }

    /** The link-layer type of option 79 (1 Ethernet), or -1 when absent. */
    public int clientLinkLayerType() {
        int i = indexOf(OptionCodes.CLIENT_LINKLAYER_ADDRESS);
        return i < 0 ? -1 : ClientLinkLayerAddress.linkLayerType(octets, offsets[i] - octetsBase);
    }

    @Override
    public String toString() {
        if (buf == null) {
            return "Dhcp6MessageView(empty)";
        }
        if (!root.valid) {
            return "Dhcp6MessageView(invalid: " + root.error + " at " + errorOffset() + ")";
        }
        StringBuilder out = new StringBuilder();
        Dhcp6Printer.print(this, out);
        return out.toString();
    }
}
