package dev.ipv6boot.dhcp6.policy;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.option.VendorClass;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;

/**
 * The compiled nodes of class expressions. A value that lives in the message is a region of the received
 * buffer packed in a {@code long} (offset in the high 32 bits, length in the low 32), so evaluating never
 * allocates; as in Kea, a missing option reads as the empty string.
 */
final class ExpressionNodes {

    static final long EMPTY = 0L;

    private ExpressionNodes() {
    }

    static long pack(int offset, int length) {
        return ((long) offset << 32) | (length & 0xffffffffL);
    }

    static int offset(long region) {
        return (int) (region >>> 32);
    }

    static int length(long region) {
        return (int) region;
    }

    /**
     * The relay message at nesting level {@code nest} of the chain: 0 is the outermost (closest to this server),
     * as in Kea; a negative level counts from the client side, -1 being the relay closest to the client.
     * {@code null} when the chain has no such level.
     */
    static Dhcp6MessageView relay(Dhcp6MessageView received, int nest) {
        int depth = 0;
        for (Dhcp6MessageView v = received; v != null && v.isRelay(); v = v.relayMessage()) {
            depth++;
        }
        int level = nest >= 0 ? nest : depth + nest;
        if (level < 0 || level >= depth) {
            return null;
        }
        Dhcp6MessageView v = received;
        for (int i = 0; i < level; i++) {
            v = v.relayMessage();
        }
        return v;
    }

    /** The data of the first option {@code code} of {@code message}; {@link #EMPTY} when absent or no message. */
    static long optionRegion(Dhcp6MessageView message, int code) {
        int i = message == null ? -1 : message.indexOf(code);
        return i < 0 ? EMPTY : pack(message.optionOffset(i), message.optionLength(i));
    }

    // ---- values -------------------------------------------------------------------------------------------

    /** A sequence of octets found in the received message. */
    abstract static class RegionValue {
        /** The region in {@code received.buffer()}, {@link #EMPTY} when absent. */
        abstract long region(Dhcp6MessageView received);
    }

    /** A value known when the expression is compiled: a string, hex or folded substring literal. */
    record Literal(byte[] bytes, boolean integer, long number) {
        static Literal of(byte[] bytes) {
            return new Literal(bytes, false, 0);
        }
    }

    /** A number read from the message header ({@code pkt6.msgtype}, {@code pkt6.transid}). */
    abstract static class NumberValue {
        abstract long number(Dhcp6MessageView received);
    }

    static final class OptionData extends RegionValue {
        private final int code;

        OptionData(int code) {
            this.code = code;
        }

        @Override
        long region(Dhcp6MessageView received) {
            return optionRegion(received.innermost(), code);
        }
    }

    static final class RelayOptionData extends RegionValue {
        private final int nest;
        private final int code;

        RelayOptionData(int nest, int code) {
            this.nest = nest;
            this.code = code;
        }

        @Override
        long region(Dhcp6MessageView received) {
            return optionRegion(relay(received, nest), code);
        }
    }

    /** {@code relay6[n].linkaddr} and {@code relay6[n].peeraddr}: 16 octets of the relay header (RFC 9915 §9). */
    static final class RelayAddress extends RegionValue {
        private final int nest;
        private final boolean peer;

        RelayAddress(int nest, boolean peer) {
            this.nest = nest;
            this.peer = peer;
        }

        @Override
        long region(Dhcp6MessageView received) {
            Dhcp6MessageView relay = relay(received, nest);
            if (relay == null) {
                return EMPTY;
            }
            return pack(peer ? relay.peerAddressOffset() : relay.linkAddressOffset(), 16);
        }
    }

    /**
     * Kea's {@code substring(value, start, length)}: a negative start counts from the end; a negative length
     * takes that many octets before start; {@code all} (here {@link Integer#MAX_VALUE}) takes the rest; any
     * part outside the value is cut off, leaving the empty string in the worst case.
     */
    static final class Substring extends RegionValue {
        private final RegionValue inner;
        private final int start;
        private final int length;

        Substring(RegionValue inner, int start, int length) {
            this.inner = inner;
            this.start = start;
            this.length = length;
        }

        @Override
        long region(Dhcp6MessageView received) {
            long r = inner.region(received);
            long bounds = bounds(length(r), start, length);
            return bounds < 0 ? EMPTY : pack(offset(r) + offset(bounds), length(bounds));
        }

        /** (from, count) within a value of {@code size} octets, packed, or -1 for the empty string. */
        static long bounds(int size, int start, int length) {
            int from = start < 0 ? size + start : start;
            if (from < 0 || from >= size || length == 0) {
                return -1;
            }
            int to;
            if (length > 0) {
                to = (int) Math.min((long) from + length, size);
            } else {
                to = from;
                from = Math.max(0, from + length);
            }
            return to <= from ? -1 : pack(from, to - from);
        }

        static byte[] fold(byte[] value, int start, int length) {
            long b = bounds(value.length, start, length);
            return b < 0 ? new byte[0] : Arrays.copyOfRange(value, offset(b), offset(b) + length(b));
        }
    }

    static final class MessageType extends NumberValue {
        @Override
        long number(Dhcp6MessageView received) {
            return received.innermost().messageType();
        }
    }

    static final class TransactionId extends NumberValue {
        @Override
        long number(Dhcp6MessageView received) {
            return received.innermost().transactionId();
        }
    }

    // ---- predicates ---------------------------------------------------------------------------------------

    record Constant(boolean value) implements Dhcp6Predicate {
        @Override
        public boolean test(Dhcp6MessageView received, long classes) {
            return value;
        }
    }

    record And(Dhcp6Predicate left, Dhcp6Predicate right) implements Dhcp6Predicate {
        @Override
        public boolean test(Dhcp6MessageView received, long classes) {
            return left.test(received, classes) && right.test(received, classes);
        }
    }

    record Or(Dhcp6Predicate left, Dhcp6Predicate right) implements Dhcp6Predicate {
        @Override
        public boolean test(Dhcp6MessageView received, long classes) {
            return left.test(received, classes) || right.test(received, classes);
        }
    }

    record Not(Dhcp6Predicate inner) implements Dhcp6Predicate {
        @Override
        public boolean test(Dhcp6MessageView received, long classes) {
            return !inner.test(received, classes);
        }
    }

    record Member(int index, String name) implements Dhcp6Predicate {
        @Override
        public boolean test(Dhcp6MessageView received, long classes) {
            return (classes & (1L << index)) != 0;
        }
    }

    record OptionExists(int code) implements Dhcp6Predicate {
        @Override
        public boolean test(Dhcp6MessageView received, long classes) {
            return received.innermost().hasOption(code);
        }
    }

    record RelayOptionExists(int nest, int code) implements Dhcp6Predicate {
        @Override
        public boolean test(Dhcp6MessageView received, long classes) {
            Dhcp6MessageView relay = relay(received, nest);
            return relay != null && relay.hasOption(code);
        }
    }

    /** {@code vendor-class[enterprise].exists}; enterprise -1 stands for Kea's {@code *}. */
    record VendorClassExists(long enterprise) implements Dhcp6Predicate {
        @Override
        public boolean test(Dhcp6MessageView received, long classes) {
            Dhcp6MessageView client = received.innermost();
            for (int i = client.indexOf(OptionCodes.VENDOR_CLASS); i >= 0;
                 i = client.nextIndexOf(OptionCodes.VENDOR_CLASS, i + 1)) {
                if (enterprise < 0 || VendorClass.enterpriseNumber(client.buffer(), client.optionOffset(i)) == enterprise) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class RegionEqualsLiteral implements Dhcp6Predicate {
        private final RegionValue value;
        private final byte[] literal;

        RegionEqualsLiteral(RegionValue value, byte[] literal) {
            this.value = value;
            this.literal = literal.clone();
        }

        @Override
        public boolean test(Dhcp6MessageView received, long classes) {
            long r = value.region(received);
            if (length(r) != literal.length) {
                return false;
            }
            ByteBuf buf = received.buffer();
            int at = offset(r);
            for (int i = 0; i < literal.length; i++) {
                if (buf.getByte(at + i) != literal[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    static final class RegionEqualsRegion implements Dhcp6Predicate {
        private final RegionValue left;
        private final RegionValue right;

        RegionEqualsRegion(RegionValue left, RegionValue right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public boolean test(Dhcp6MessageView received, long classes) {
            long a = left.region(received);
            long b = right.region(received);
            return length(a) == length(b)
                    && ByteBufUtil.equals(received.buffer(), offset(a), received.buffer(), offset(b), length(a));
        }
    }

    static final class NumberEquals implements Dhcp6Predicate {
        private final NumberValue value;
        private final long expected;

        NumberEquals(NumberValue value, long expected) {
            this.value = value;
            this.expected = expected;
        }

        @Override
        public boolean test(Dhcp6MessageView received, long classes) {
            return value.number(received) == expected;
        }
    }

    static final class NumbersEqual implements Dhcp6Predicate {
        private final NumberValue left;
        private final NumberValue right;

        NumbersEqual(NumberValue left, NumberValue right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public boolean test(Dhcp6MessageView received, long classes) {
            return left.number(received) == right.number(received);
        }
    }
}
