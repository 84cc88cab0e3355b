package dev.ipv6boot.dhcp6.codec;

import dev.ipv6boot.dhcp6.catalog.OptionCatalog;
import dev.ipv6boot.dhcp6.catalog.OptionFormat;
import io.netty.buffer.ByteBuf;

/**
 * A reusable, allocation-free walk over a region of options (RFC 9915 §21.1 layout), for the options nested
 * in IA_NA, IA_PD, IA Address, Vendor Options and the like, which the view validates but does not index.
 *
 * <pre>{@code
 * Dhcp6OptionCursor sub = new Dhcp6OptionCursor();        // reuse per thread
 * for (view.suboptions(i, sub); sub.next(); ) {
 *     if (sub.code() == OptionCodes.IA_ADDRESS) { ... sub.dataOffset() ... }
 * }
 * }</pre>
 * Borrows the buffer like the view does, and stops (returns false) at the first option that would overrun
 * the region, so it never reads outside it even over unvalidated bytes.
 */
public final class Dhcp6OptionCursor {
    private ByteBuf buf;
    private int position;
    private int end;
    private int code = -1;
    private int dataOffset;
    private int length;

    /** Positions the cursor before the options in {@code [from, end)} of {@code buf}. */
    public Dhcp6OptionCursor reset(ByteBuf buf, int from, int end) {
        this.buf = buf;
        this.position = from;
        this.end = end;
        this.code = -1;
        return this;
    }

    /**
     * Positions the cursor before the options encapsulated in an option {@code code} whose data is the
     * {@code length} octets at {@code dataOffset}: after IA_NA's 12 fixed octets, IA Address's 24, and so on
     * ({@link OptionFormat#suboptionsOffset()}). Empty when the format carries no options.
     */
    public Dhcp6OptionCursor encapsulatedIn(ByteBuf buf, int code, int dataOffset, int length) {
        OptionFormat format = OptionCatalog.formatOf(code);
        if (!format.encapsulates() || length < format.suboptionsOffset()) {
            return reset(buf, dataOffset + length, dataOffset + length);
        }
        return reset(buf, dataOffset + format.suboptionsOffset(), dataOffset + length);
    }

    /** Moves to the next option; false at the end of the region (or at an option overrunning it). */
    public boolean next() {
        if (end - position < Dhcp6MessageView.OPTION_HEADER_LENGTH) {
            return false;
        }
        int len = buf.getUnsignedShort(position + 2);           // 2 octets option-len, RFC 9915 §21.1
        if (len > end - position - Dhcp6MessageView.OPTION_HEADER_LENGTH) {
            position = end;
            return false;
        }
        code = buf.getUnsignedShort(position);                  // 2 octets option-code
        dataOffset = position + Dhcp6MessageView.OPTION_HEADER_LENGTH;
        length = len;
        position = dataOffset + len;
        return true;
    }

    /** The current option's code. */
    public int code() {
        return code;
    }

    /** Absolute index of the current option's data. */
    public int dataOffset() {
        return dataOffset;
    }

    /** Length of the current option's data. */
    public int length() {
        return length;
    }

    /** The buffer walked (borrowed). */
    public ByteBuf buffer() {
        return buf;
    }
}
