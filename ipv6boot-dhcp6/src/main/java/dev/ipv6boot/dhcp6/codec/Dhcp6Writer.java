package dev.ipv6boot.dhcp6.codec;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.option.Ascii;
import dev.ipv6boot.dhcp6.codec.option.ClientLinkLayerAddress;
import dev.ipv6boot.dhcp6.codec.option.DomainList;
import dev.ipv6boot.dhcp6.codec.option.Duid;
import dev.ipv6boot.dhcp6.codec.option.IaAddress;
import dev.ipv6boot.dhcp6.codec.option.IaNa;
import dev.ipv6boot.dhcp6.codec.option.IaPd;
import dev.ipv6boot.dhcp6.codec.option.IaPrefix;
import dev.ipv6boot.dhcp6.codec.option.Octets;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * Encodes one DHCPv6 message (RFC 9915 §8, §9, §21) into a caller-supplied buffer, allocation-free, with the
 * lengths of nested options back-filled when each is closed. Every write is checked against a maximum
 * message length: a message that would not fit is reported by {@link #finish()}, never truncated.
 *
 * <pre>{@code
 * ByteBuf out = ctx.alloc().directBuffer(1472);
 * boolean ok = writer.begin(out, 1472)
 *         .header(Dhcp6MessageType.ADVERTISE.value(), view.transactionId())
 *         .option(OptionCodes.CLIENT_ID, view.buffer(), view.optionOffset(c), view.optionLength(c))
 *         .serverId(serverDuid)
 *         .iaNa(iaid, 3600, 5760).iaAddress(high, low, 7200, 7200).endOption()
 *         .preference(255)
 *         .bootFileUrl("tftp://[2001:db8::1]/ipxe.efi")
 *         .finish();
 * }</pre>
 *
 * <p>The message is staged in an array the writer keeps (grown while warming up, then reused) and reaches
 * {@code out} in one copy at {@link #finish()}: every {@code ByteBuf} write would check the reference count and
 * bounds, and on JDK 24+ (no Unsafe) go through a {@code ByteBuffer} as well.
 *
 * <p>Ownership: {@link #begin} borrows {@code out} until {@link #finish()}, which appends the whole message at
 * the writer index (nothing reaches {@code out} before); the writer never retains or releases it, and the
 * caller keeps ownership (and releases it if it is not sent). Methods named {@code beginX} or opening an
 * option that carries options ({@link #iaNa}, {@link #iaPd}, {@link #relayMessage()}) must be closed by
 * {@link #endOption()}. After a failed write every further call is a no-op until {@link #finish()}, which then
 * leaves {@code out} as {@link #begin} found it. Not thread-safe: keep one per thread. Misuse (unbalanced
 * options, values out of their field's range) throws, before anything of the call is written.
 */
public final class Dhcp6Writer {

    private static final int INITIAL_STAGE = 1500;             // an Ethernet frame's worth

    private ByteBuf out;
    private int maxLength;
    private int writable;                                       // out.maxWritableBytes() at begin
    // Where the fast path of ensure() stops: the least of maxLength, writable and the stage's length, or -1
    // before begin, after finish and after an error, so that one comparison sends every such case to ensureSlow.
    private int fastLimit = -1;
    private byte[] stage = new byte[INITIAL_STAGE];
    private int pos;                                            // octets staged for the current message
    private ByteBuf stageView;                                  // the stage as a ByteBuf, for UTF-8 and DNS names
    private int[] open = new int[16];
    private int depth;
    private int finishedLength;
    private Dhcp6EncodeError error = Dhcp6EncodeError.NONE;

    /** Starts a message at {@code out}'s writer index, at most 65527 octets (the largest UDP payload). */
    public Dhcp6Writer begin(ByteBuf out) {
        return begin(out, Dhcp6Limits.DEFAULT.maxMessageSize());
    }

    /** Starts a message at {@code out}'s writer index that may be at most {@code maxLength} octets long. */
    public Dhcp6Writer begin(ByteBuf out, int maxLength) {
        if (maxLength < Dhcp6MessageView.CLIENT_HEADER_LENGTH) {
            throw new IllegalArgumentException("maxLength " + maxLength);
        }
        this.out = out;
        this.maxLength = maxLength;
        this.writable = out.maxWritableBytes();
        this.pos = 0;
        this.depth = 0;
        this.finishedLength = 0;
        this.error = Dhcp6EncodeError.NONE;
        this.fastLimit = Math.min(Math.min(maxLength, writable), stage.length);
        return this;
    }

    /**
     * Ends the message: {@code true} when it was written whole, appended at {@code out}'s writer index;
     * otherwise {@code out} is as {@link #begin} found it and {@link #error()} says why.
     *
     * @throws IllegalStateException when options are still open
     */
    public boolean finish() {
        requireStarted();
        if (depth != 0) {
            throw new IllegalStateException(depth + " option(s) still open");
        }
        boolean ok = error == Dhcp6EncodeError.NONE;
        if (ok) {
            out.writeBytes(stage, 0, pos);                      // one bounds check, one copy
        }
        finishedLength = ok ? pos : 0;
        out = null;
        fastLimit = -1;
        return ok;
    }

    /** Why the current or last message failed, {@link Dhcp6EncodeError#NONE} when it did not. */
    public Dhcp6EncodeError error() {
        return error;
    }

    /** Octets written so far for the current message; after {@link #finish()}, the finished message's length (0 if refused). */
    public int length() {
        return out == null ? finishedLength : pos;
    }

    private void requireStarted() {
        if (out == null) {
            throw new IllegalStateException("begin() first");
        }
    }

    /** Whether {@code n} more octets may be staged; if not, records why and every later write is a no-op. */
    private boolean ensure(int n) {
        return n <= fastLimit - pos || ensureSlow(n);
    }

    private boolean ensureSlow(int n) {
        requireStarted();
        if (error != Dhcp6EncodeError.NONE) {
            return false;
        }
        if (n > maxLength - pos) {
            return fail(Dhcp6EncodeError.MESSAGE_TOO_LONG);
        }
        if (n > writable - pos) {
            return fail(Dhcp6EncodeError.BUFFER_FULL);
        }
        stage = Arrays.copyOf(stage, Math.max(pos + n, 2 * stage.length));   // warm-up only: then reused
        stageView = null;
        fastLimit = Math.min(Math.min(maxLength, writable), stage.length);
        return true;
    }

    /** Records the first error of the message; every later write is a no-op. Returns false. */
    private boolean fail(Dhcp6EncodeError reason) {
        error = reason;
        fastLimit = -1;
        return false;
    }

    /** The stage as a heap ByteBuf whose writer index is {@link #pos}, for the writers of codec.option. */
    private ByteBuf stageView() {
        if (stageView == null) {
            stageView = Unpooled.wrappedBuffer(stage);               // once per stage array
        }
        return stageView.setIndex(0, pos);
    }

    private static int u8(int value, String field) {
        if ((value & ~0xff) != 0) {
            throw new IllegalArgumentException(field + " out of range [0, 255]: " + value);
        }
        return value;
    }

    private static int u16(int value, String field) {
        if ((value & ~0xffff) != 0) {
            throw new IllegalArgumentException(field + " out of range [0, 65535]: " + value);
        }
        return value;
    }

    private static long u32(long value, String field) {
        if ((value & ~0xffffffffL) != 0) {
            throw new IllegalArgumentException(field + " out of range [0, 2^32): " + value);
        }
        return value;
    }

    // ---- headers ------------------------------------------------------------------------------------------

    /** The client/server header (RFC 9915 §8): 1 octet msg-type, 3 octets transaction-id. */
    public Dhcp6Writer header(int messageType, int transactionId) {
        u8(messageType, "msg-type");
        if ((transactionId & ~0xffffff) != 0) {
            throw new IllegalArgumentException("transaction-id is 24 bits: " + transactionId);
        }
        if (ensure(Dhcp6MessageView.CLIENT_HEADER_LENGTH)) {
            Octets.put32(stage, pos, messageType << 24 | transactionId); // 1 octet msg-type, 3 octets transaction-id, RFC 9915 §8
            pos += Dhcp6MessageView.CLIENT_HEADER_LENGTH;
        }
        return this;
    }

    /**
     * The relay header (RFC 9915 §9): 1 octet msg-type (12 Relay-forw, 13 Relay-repl), 1 octet hop-count,
     * 16 octets link-address, 16 octets peer-address. The relayed message follows in {@link #relayMessage()}.
     */
    public Dhcp6Writer relayHeader(int messageType, int hopCount, long linkHigh, long linkLow,
                                   long peerHigh, long peerLow) {
        u8(messageType, "msg-type");
        u8(hopCount, "hop-count");
        if (ensure(Dhcp6MessageView.RELAY_HEADER_LENGTH)) {
            Octets.put16(stage, pos, messageType << 8 | hopCount); // 1 octet msg-type, 1 octet hop-count, RFC 9915 §9
            Octets.put64(stage, pos + 2, linkHigh);             // 16 octets link-address
            Octets.put64(stage, pos + 10, linkLow);
            Octets.put64(stage, pos + 18, peerHigh);            // 16 octets peer-address
            Octets.put64(stage, pos + 26, peerLow);
            pos += Dhcp6MessageView.RELAY_HEADER_LENGTH;
        }
        return this;
    }

    /** {@link #relayHeader(int, int, long, long, long, long)} with addresses as 16-octet arrays. */
    public Dhcp6Writer relayHeader(int messageType, int hopCount, byte[] linkAddress, byte[] peerAddress) {
        if (linkAddress.length != 16 || peerAddress.length != 16) {
            throw new IllegalArgumentException("IPv6 addresses are 16 octets");
        }
        u8(messageType, "msg-type");
        u8(hopCount, "hop-count");
        if (ensure(Dhcp6MessageView.RELAY_HEADER_LENGTH)) {
            Octets.put16(stage, pos, messageType << 8 | hopCount); // 1 octet msg-type, 1 octet hop-count, RFC 9915 §9
            System.arraycopy(linkAddress, 0, stage, pos + 2, 16);  // 16 octets link-address
            System.arraycopy(peerAddress, 0, stage, pos + 18, 16); // 16 octets peer-address
            pos += Dhcp6MessageView.RELAY_HEADER_LENGTH;
        }
        return this;
    }

    // ---- generic options ----------------------------------------------------------------------------------

    /** Opens option {@code code}: writes its header with a length back-filled by {@link #endOption()}. */
    public Dhcp6Writer beginOption(int code) {
        u16(code, "option-code");
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);             // deep relay chains only, once
        }
        if (ensure(Dhcp6MessageView.OPTION_HEADER_LENGTH)) {
            open[depth] = pos;
            Octets.put32(stage, pos, code << 16);               // 2 octets option-code, RFC 9915 §21.1; option-len back-filled
            pos += Dhcp6MessageView.OPTION_HEADER_LENGTH;
        } else {
            open[depth] = -1;
        }
        depth++;
        return this;
    }

    /** Closes the innermost open option, back-filling its length. */
    public Dhcp6Writer endOption() {
        requireStarted();
        if (depth == 0) {
            throw new IllegalStateException("no open option");
        }
        int header = open[--depth];
        if (header >= 0 && error == Dhcp6EncodeError.NONE) {
            int len = pos - header - Dhcp6MessageView.OPTION_HEADER_LENGTH;
            if (len > 0xffff) {
                fail(Dhcp6EncodeError.OPTION_TOO_LONG);
            } else {
                Octets.put16(stage, header + 2, len);           // option-len, RFC 9915 §21.1
            }
        }
        return this;
    }

    /** Writes a whole option's 4-octet header for {@code length} octets of data that the caller then stages. */
    private void optionHeader(int code, int length) {
        Octets.put32(stage, pos, code << 16 | length);          // 2 octets option-code, 2 octets option-len, RFC 9915 §21.1
        pos += Dhcp6MessageView.OPTION_HEADER_LENGTH;
    }

    /** A whole option whose data is copied from {@code src} (borrowed; indices unchanged). */
    public Dhcp6Writer option(int code, ByteBuf src, int offset, int length) {
        u16(code, "option-code");
        if (length > 0xffff) {
            if (ensure(0)) {
                fail(Dhcp6EncodeError.OPTION_TOO_LONG);
            }
            return this;
        }
        if (ensure(Dhcp6MessageView.OPTION_HEADER_LENGTH + length)) {
            optionHeader(code, length);
            ByteBufCopy.toArray(src, offset, stage, pos, length);
            pos += length;
        }
        return this;
    }

    /** A whole option with {@code data} (a pre-built value, e.g. a server DUID). */
    public Dhcp6Writer option(int code, byte[] data) {
        u16(code, "option-code");
        if (data.length > 0xffff) {
            if (ensure(0)) {
                fail(Dhcp6EncodeError.OPTION_TOO_LONG);
            }
            return this;
        }
        if (ensure(Dhcp6MessageView.OPTION_HEADER_LENGTH + data.length)) {
            optionHeader(code, data.length);
            System.arraycopy(data, 0, stage, pos, data.length);
            pos += data.length;
        }
        return this;
    }

    /** An option with no data. */
    public Dhcp6Writer emptyOption(int code) {
        u16(code, "option-code");
        if (ensure(Dhcp6MessageView.OPTION_HEADER_LENGTH)) {
            optionHeader(code, 0);
        }
        return this;
    }

    /** An option whose data is one octet. */
    public Dhcp6Writer uint8Option(int code, int value) {
        u16(code, "option-code");
        u8(value, "octet");
        if (ensure(Dhcp6MessageView.OPTION_HEADER_LENGTH + 1)) {
            optionHeader(code, 1);
            stage[pos++] = (byte) value;
        }
        return this;
    }

    /** An option whose data is a 16-bit integer. */
    public Dhcp6Writer uint16Option(int code, int value) {
        u16(code, "option-code");
        u16(value, "16-bit value");
        if (ensure(Dhcp6MessageView.OPTION_HEADER_LENGTH + 2)) {
            optionHeader(code, 2);
            Octets.put16(stage, pos, value);
            pos += 2;
        }
        return this;
    }

    /** An option whose data is a 32-bit integer. */
    public Dhcp6Writer uint32Option(int code, long value) {
        u16(code, "option-code");
        u32(value, "32-bit value");
        if (ensure(Dhcp6MessageView.OPTION_HEADER_LENGTH + 4)) {
            optionHeader(code, 4);
            Octets.put32(stage, pos, (int) value);
            pos += 4;
        }
        return this;
    }

    /** An option whose data is one IPv6 address. */
    public Dhcp6Writer addressOption(int code, long high, long low) {
        u16(code, "option-code");
        if (ensure(Dhcp6MessageView.OPTION_HEADER_LENGTH + 16)) {
            optionHeader(code, 16);
            Octets.put64(stage, pos, high);
            Octets.put64(stage, pos + 8, low);
            pos += 16;
        }
        return this;
    }

    /** An option whose data is text, UTF-8, no terminator (URLs, URIs). */
    public Dhcp6Writer textOption(int code, CharSequence text) {
        return beginOption(code).text(text).endOption();
    }

    // ---- fields inside an open option ---------------------------------------------------------------------

    /** One octet. */
    public Dhcp6Writer uint8(int value) {
        u8(value, "octet");
        if (ensure(1)) {
            stage[pos++] = (byte) value;
        }
        return this;
    }

    /** A 16-bit integer, network order. */
    public Dhcp6Writer uint16(int value) {
        u16(value, "16-bit field");
        if (ensure(2)) {
            Octets.put16(stage, pos, value);
            pos += 2;
        }
        return this;
    }

    /** A 32-bit integer, network order. */
    public Dhcp6Writer uint32(long value) {
        u32(value, "32-bit field");
        if (ensure(4)) {
            Octets.put32(stage, pos, (int) value);
            pos += 4;
        }
        return this;
    }

    /** A 16-octet IPv6 address given as its high and low 64 bits. */
    public Dhcp6Writer address(long high, long low) {
        if (ensure(16)) {
            Octets.put64(stage, pos, high);
            Octets.put64(stage, pos + 8, low);
            pos += 16;
        }
        return this;
    }

    /** Octets copied from {@code src} (borrowed; indices unchanged). */
    public Dhcp6Writer bytes(ByteBuf src, int offset, int length) {
        if (ensure(length)) {
            ByteBufCopy.toArray(src, offset, stage, pos, length);
            pos += length;
        }
        return this;
    }

    /** Octets copied from {@code data}. */
    public Dhcp6Writer bytes(byte[] data) {
        if (ensure(data.length)) {
            System.arraycopy(data, 0, stage, pos, data.length);
            pos += data.length;
        }
        return this;
    }

    /** Text in UTF-8, no length, no terminator. */
    public Dhcp6Writer text(CharSequence text) {
        int n = text.length();
        if (!ensure(n)) {                                       // UTF-8 takes at least an octet per char
            return this;
        }
        if (stageAscii(text, n)) {
            return this;
        }
        int utf8Length = Ascii.encodedLength(text);
        if (ensure(utf8Length)) {                               // not ASCII: Netty's encoder, at its exact length
            ByteBufUtil.reserveAndWriteUtf8(stageView(), text, utf8Length);
            pos = stageView.writerIndex();
        }
        return this;
    }

    /** Stages {@code text} when it is all ASCII (URLs, class names: one octet per char); false otherwise. */
    private boolean stageAscii(CharSequence text, int n) {
        byte[] a = stage;
        int p = pos;
        int seen = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            seen |= c;
            a[p + i] = (byte) c;
        }
        if (seen >= 0x80) {
            return false;                                       // the partly staged octets are overwritten
        }
        pos = p + n;
        return true;
    }

    /** A length-prefixed item (User Class, Vendor Class data, Boot File Parameters; RFC 9915 §21.15). */
    public Dhcp6Writer item(CharSequence text) {
        if (!ensure(2)) {
            return this;
        }
        int lengthAt = pos;
        pos += 2;                                               // 2 octets item length, RFC 9915 §21.15
        text(text);
        int len = pos - lengthAt - 2;
        if (error == Dhcp6EncodeError.NONE && len > 0xffff) {
            fail(Dhcp6EncodeError.OPTION_TOO_LONG);
        }
        if (error == Dhcp6EncodeError.NONE) {
            Octets.put16(stage, lengthAt, len);
        } else {
            pos = lengthAt;
        }
        return this;
    }

    /** A length-prefixed item copied from {@code src}. */
    public Dhcp6Writer item(ByteBuf src, int offset, int length) {
        u16(length, "item length");
        if (ensure(2 + length)) {
            Octets.put16(stage, pos, length);                   // 2 octets item length, RFC 9915 §21.15
            ByteBufCopy.toArray(src, offset, stage, pos + 2, length);
            pos += 2 + length;
        }
        return this;
    }

    /**
     * A DNS name in wire format (RFC 1035 §3.1, uncompressed as RFC 9915 §10 requires): fully qualified with
     * a trailing "." ({@code "example.com."}), else partial (no root label; only Client FQDN allows that).
     */
    public Dhcp6Writer domainName(CharSequence name) {
        // A valid name takes exactly one octet more than its text (a length octet per label, the dots and a
        // trailing dot turned into length octets or the root label); the root "." takes one.
        int n = name.length();
        if (ensure(n == 1 && name.charAt(0) == '.' ? 1 : n + 1)) {
            if (DomainList.writeName(stageView(), name) < 0) {
                fail(Dhcp6EncodeError.DOMAIN_NAME_INVALID);
            } else {
                pos = stageView.writerIndex();
            }
        }
        return this;
    }

    /** A DUID-LLT with a 6-octet address (RFC 9915 §11.2), inside an open Client or Server Identifier. */
    public Dhcp6Writer duidLlt(int hardwareType, long time, long mac48) {
        u16(hardwareType, "hardware type");
        u32(time, "DUID time");
        if (ensure(14)) {
            Duid.writeLlt(stage, pos, hardwareType, time, mac48);
            pos += 14;
        }
        return this;
    }

    /** A DUID-LL with a 6-octet address (RFC 9915 §11.4), inside an open Client or Server Identifier. */
    public Dhcp6Writer duidLl(int hardwareType, long mac48) {
        u16(hardwareType, "hardware type");
        if (ensure(10)) {
            Duid.writeLl(stage, pos, hardwareType, mac48);
            pos += 10;
        }
        return this;
    }

    /** A DUID-UUID (RFC 6355 §4), inside an open Client or Server Identifier. */
    public Dhcp6Writer duidUuid(long mostSignificant, long leastSignificant) {
        if (ensure(18)) {
            Duid.writeUuid(stage, pos, mostSignificant, leastSignificant);
            pos += 18;
        }
        return this;
    }

    /** A DUID-EN (RFC 9915 §11.3) with its identifier, inside an open Client or Server Identifier. */
    public Dhcp6Writer duidEn(long enterpriseNumber, byte[] identifier) {
        u32(enterpriseNumber, "enterprise-number");
        if (ensure(6 + identifier.length)) {
            Duid.writeEnHeader(stage, pos, enterpriseNumber);
            System.arraycopy(identifier, 0, stage, pos + 6, identifier.length);
            pos += 6 + identifier.length;
        }
        return this;
    }

    // ---- typed options -----------------------------------------------------------------------------------

    /** Client Identifier (1, RFC 9915 §21.2) with a pre-built DUID. */
    public Dhcp6Writer clientId(byte[] duid) {
        return option(OptionCodes.CLIENT_ID, duid);
    }

    /** Client Identifier (1) copied from a request (the server echoes it, RFC 9915 §18.3). */
    public Dhcp6Writer clientId(ByteBuf src, int offset, int length) {
        return option(OptionCodes.CLIENT_ID, src, offset, length);
    }

    /** Server Identifier (2, RFC 9915 §21.3) with a pre-built DUID. */
    public Dhcp6Writer serverId(byte[] duid) {
        return option(OptionCodes.SERVER_ID, duid);
    }

    /** Server Identifier (2) as a DUID-LL of an Ethernet address (RFC 9915 §11.4). */
    public Dhcp6Writer serverIdLl(long mac48) {
        if (ensure(Dhcp6MessageView.OPTION_HEADER_LENGTH + 10)) {
            optionHeader(OptionCodes.SERVER_ID, 10);
            Duid.writeLl(stage, pos, Duid.HARDWARE_ETHERNET, mac48);
            pos += 10;
        }
        return this;
    }

    /** Opens an IA_NA (3, RFC 9915 §21.4): IAID, T1, T2; add {@link #iaAddress} etc., then {@link #endOption()}. */
    public Dhcp6Writer iaNa(long iaid, long t1, long t2) {
        u32(iaid, "IAID");
        u32(t1, "T1");
        u32(t2, "T2");
        beginOption(OptionCodes.IA_NA);
        if (ensure(IaNa.FIXED_LENGTH)) {
            IaNa.writeFixed(stage, pos, iaid, t1, t2);
            pos += IaNa.FIXED_LENGTH;
        }
        return this;
    }

    /** Opens an IA_TA (4, RFC 9915 §21.5; deprecated, for pass-through only); close with {@link #endOption()}. */
    public Dhcp6Writer iaTa(long iaid) {
        u32(iaid, "IAID");
        return beginOption(OptionCodes.IA_TA).uint32(iaid);
    }

    /** Opens an IA_PD (25, RFC 9915 §21.21): IAID, T1, T2; add {@link #iaPrefix}, then {@link #endOption()}. */
    public Dhcp6Writer iaPd(long iaid, long t1, long t2) {
        u32(iaid, "IAID");
        u32(t1, "T1");
        u32(t2, "T2");
        beginOption(OptionCodes.IA_PD);
        if (ensure(IaPd.FIXED_LENGTH)) {
            IaPd.writeFixed(stage, pos, iaid, t1, t2);
            pos += IaPd.FIXED_LENGTH;
        }
        return this;
    }

    /** A whole IA Address (5, RFC 9915 §21.6) with no options of its own. */
    public Dhcp6Writer iaAddress(long high, long low, long preferredLifetime, long validLifetime) {
        u32(preferredLifetime, "preferred-lifetime");
        u32(validLifetime, "valid-lifetime");
        if (ensure(Dhcp6MessageView.OPTION_HEADER_LENGTH + IaAddress.FIXED_LENGTH)) {
            optionHeader(OptionCodes.IA_ADDRESS, IaAddress.FIXED_LENGTH);
            IaAddress.writeFixed(stage, pos, high, low, preferredLifetime, validLifetime);
            pos += IaAddress.FIXED_LENGTH;
        }
        return this;
    }

    /** Opens an IA Address (5) for options of its own (a Status Code); close with {@link #endOption()}. */
    public Dhcp6Writer beginIaAddress(long high, long low, long preferredLifetime, long validLifetime) {
        u32(preferredLifetime, "preferred-lifetime");
        u32(validLifetime, "valid-lifetime");
        beginOption(OptionCodes.IA_ADDRESS);
        if (ensure(IaAddress.FIXED_LENGTH)) {
            IaAddress.writeFixed(stage, pos, high, low, preferredLifetime, validLifetime);
            pos += IaAddress.FIXED_LENGTH;
        }
        return this;
    }

    /** A whole IA Prefix (26, RFC 9915 §21.22) with no options of its own. */
    public Dhcp6Writer iaPrefix(long preferredLifetime, long validLifetime, int prefixLength, long high, long low) {
        return beginIaPrefix(preferredLifetime, validLifetime, prefixLength, high, low).endOption();
    }

    /** Opens an IA Prefix (26) for options of its own; close with {@link #endOption()}. */
    public Dhcp6Writer beginIaPrefix(long preferredLifetime, long validLifetime, int prefixLength,
                                     long high, long low) {
        u32(preferredLifetime, "preferred-lifetime");
        u32(validLifetime, "valid-lifetime");
        u8(prefixLength, "prefix-length");
        beginOption(OptionCodes.IA_PREFIX);
        if (ensure(IaPrefix.FIXED_LENGTH)) {
            IaPrefix.writeFixed(stage, pos, preferredLifetime, validLifetime, prefixLength, high, low);
            pos += IaPrefix.FIXED_LENGTH;
        }
        return this;
    }

    /** Option Request (6, RFC 9915 §21.7) listing {@code codes} (a pre-built array). */
    public Dhcp6Writer optionRequest(int[] codes) {
        for (int code : codes) {
            u16(code, "requested-option-code");
        }
        beginOption(OptionCodes.OPTION_REQUEST);
        for (int code : codes) {
            uint16(code);                                      // 2 octets requested-option-code
        }
        return endOption();
    }

    /** Preference (7, RFC 9915 §21.8); 255 makes clients take this Advertise at once. */
    public Dhcp6Writer preference(int value) {
        return uint8Option(OptionCodes.PREFERENCE, value);
    }

    /** Elapsed Time (8, RFC 9915 §21.9) in hundredths of a second. */
    public Dhcp6Writer elapsedTime(int centiseconds) {
        return uint16Option(OptionCodes.ELAPSED_TIME, centiseconds);
    }

    /** Opens a Relay Message (9, RFC 9915 §21.10): write the relayed message, then {@link #endOption()}. */
    public Dhcp6Writer relayMessage() {
        return beginOption(OptionCodes.RELAY_MESSAGE);
    }

    /** Status Code (13, RFC 9915 §21.13): 2 octets code, then the message in UTF-8. */
    public Dhcp6Writer statusCode(int code, CharSequence message) {
        u16(code, "status-code");
        return beginOption(OptionCodes.STATUS_CODE).uint16(code).text(message).endOption();
    }

    /** Status Code (13) whose message is copied from {@code src}. */
    public Dhcp6Writer statusCode(int code, ByteBuf src, int offset, int length) {
        u16(code, "status-code");
        return beginOption(OptionCodes.STATUS_CODE).uint16(code).bytes(src, offset, length).endOption();
    }

    /** Rapid Commit (14, RFC 9915 §21.14). */
    public Dhcp6Writer rapidCommit() {
        return emptyOption(OptionCodes.RAPID_COMMIT);
    }

    /** User Class (15, RFC 9915 §21.15) with one item. */
    public Dhcp6Writer userClass(CharSequence item) {
        return beginOption(OptionCodes.USER_CLASS).item(item).endOption();
    }

    /** Vendor Class (16, RFC 9915 §21.16) with one item ("HTTPClient" for UEFI HTTP Boot, enterprise 343). */
    public Dhcp6Writer vendorClass(long enterpriseNumber, CharSequence item) {
        return beginVendorClass(enterpriseNumber).item(item).endOption();
    }

    /** Opens a Vendor Class (16): add {@link #item} per vendor-class-data, then {@link #endOption()}. */
    public Dhcp6Writer beginVendorClass(long enterpriseNumber) {
        u32(enterpriseNumber, "enterprise-number");
        return beginOption(OptionCodes.VENDOR_CLASS).uint32(enterpriseNumber);   // 4 octets enterprise-number
    }

    /** Opens Vendor Options (17, RFC 9915 §21.17): add sub-options, then {@link #endOption()}. */
    public Dhcp6Writer beginVendorOptions(long enterpriseNumber) {
        u32(enterpriseNumber, "enterprise-number");
        return beginOption(OptionCodes.VENDOR_OPTIONS).uint32(enterpriseNumber); // 4 octets enterprise-number
    }

    /** Interface-Id (18, RFC 9915 §21.18), echoed from the Relay-forw into the Relay-repl. */
    public Dhcp6Writer interfaceId(ByteBuf src, int offset, int length) {
        return option(OptionCodes.INTERFACE_ID, src, offset, length);
    }

    /** Reconfigure Message (19, RFC 9915 §21.19). */
    public Dhcp6Writer reconfigureMessage(int messageType) {
        return uint8Option(OptionCodes.RECONFIGURE_MESSAGE, messageType);
    }

    /** Reconfigure Accept (20, RFC 9915 §21.20). */
    public Dhcp6Writer reconfigureAccept() {
        return emptyOption(OptionCodes.RECONFIGURE_ACCEPT);
    }

    /** DNS Recursive Name Server (23, RFC 3646 §3) with one address. */
    public Dhcp6Writer dnsServers(long high, long low) {
        return addressOption(OptionCodes.DNS_SERVERS, high, low);
    }

    /** DNS Recursive Name Server (23) with addresses packed 16 octets each in {@code addresses}. */
    public Dhcp6Writer dnsServers(byte[] addresses) {
        if (addresses.length % 16 != 0) {
            throw new IllegalArgumentException("addresses are 16 octets each: " + addresses.length);
        }
        return option(OptionCodes.DNS_SERVERS, addresses);
    }

    /** Domain Search List (24, RFC 3646 §4) with one fully qualified name ({@code "boot.example."}). */
    public Dhcp6Writer domainList(CharSequence name) {
        return beginOption(OptionCodes.DOMAIN_LIST).domainName(name).endOption();
    }

    /** Information Refresh Time (32, RFC 9915 §21.23) in seconds. */
    public Dhcp6Writer informationRefreshTime(long seconds) {
        return uint32Option(OptionCodes.INFORMATION_REFRESH_TIME, seconds);
    }

    /** Relay Agent Remote-ID (37, RFC 4649 §3). */
    public Dhcp6Writer remoteId(long enterpriseNumber, byte[] remoteId) {
        u32(enterpriseNumber, "enterprise-number");
        return beginOption(OptionCodes.REMOTE_ID).uint32(enterpriseNumber).bytes(remoteId).endOption();
    }

    /** Relay Agent Subscriber-ID (38, RFC 4580 §2). */
    public Dhcp6Writer subscriberId(byte[] subscriberId) {
        return option(OptionCodes.SUBSCRIBER_ID, subscriberId);
    }

    /** Client FQDN (39, RFC 4704 §4): flags, then the name (partial unless it ends in "."). */
    public Dhcp6Writer fqdn(int flags, CharSequence name) {
        u8(flags, "FQDN flags");
        beginOption(OptionCodes.CLIENT_FQDN).uint8(flags);
        if (name.length() > 0) {
            domainName(name);
        }
        return endOption();
    }

    /** Boot File URL (59, RFC 5970 §3.1); {@code tftp://} for UEFI PXE, {@code http://} for HTTP Boot, iPXE. */
    public Dhcp6Writer bootFileUrl(CharSequence url) {
        return textOption(OptionCodes.BOOT_FILE_URL, url);
    }

    /** Opens Boot File Parameters (60, RFC 5970 §3.2): add {@link #item}s, then {@link #endOption()}. */
    public Dhcp6Writer beginBootFileParameters() {
        return beginOption(OptionCodes.BOOT_FILE_PARAMETERS);
    }

    /** Client System Architecture Type (61, RFC 5970 §3.3) with one type. */
    public Dhcp6Writer clientArchType(int type) {
        return uint16Option(OptionCodes.CLIENT_ARCH_TYPE, type);
    }

    /** Client Network Interface Identifier (62, RFC 5970 §3.4). */
    public Dhcp6Writer nii(int type, int major, int minor) {
        u8(type, "NII type");
        u8(major, "NII major");
        u8(minor, "NII minor");
        return beginOption(OptionCodes.NII).uint8(type).uint8(major).uint8(minor).endOption();
    }

    /** Client Link-Layer Address (79, RFC 6939 §4) with a 6-octet address. */
    public Dhcp6Writer clientLinkLayerAddress(int linkLayerType, long mac48) {
        u16(linkLayerType, "link-layer type");
        beginOption(OptionCodes.CLIENT_LINKLAYER_ADDRESS);
        if (ensure(8)) {
            ClientLinkLayerAddress.write(stage, pos, linkLayerType, mac48);
            pos += 8;
        }
        return endOption();
    }

    /** SOL_MAX_RT (82, RFC 9915 §21.24) in seconds. */
    public Dhcp6Writer solMaxRt(long seconds) {
        return uint32Option(OptionCodes.SOL_MAX_RT, seconds);
    }

    /** INF_MAX_RT (83, RFC 9915 §21.25) in seconds. */
    public Dhcp6Writer infMaxRt(long seconds) {
        return uint32Option(OptionCodes.INF_MAX_RT, seconds);
    }

    /** Captive-Portal (103, RFC 8910 §2.2): the API URI, or {@code CaptivePortal.UNRESTRICTED}. */
    public Dhcp6Writer captivePortal(CharSequence uri) {
        return textOption(OptionCodes.CAPTIVE_PORTAL, uri);
    }
}
