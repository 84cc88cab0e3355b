package dev.ipv6boot.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.catalog.OptionCatalog;
import dev.ipv6boot.dhcp6.catalog.OptionDefinition;
import dev.ipv6boot.dhcp6.codec.TestBuffers.Kind;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The fuzz oracle: any bytes decode without an exception and without reading outside the message, and
 * whatever the view accepts prints and re-encodes to the same bytes; generated valid messages survive
 * parse → encode → parse unchanged. Buffers are pooled and released in every try.
 */
class Dhcp6PropertiesTest {

    private static final List<CapturedMessage> CAPTURED = CapturedMessage.all();

    private final Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
    private final Dhcp6MessageView again = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
    private final Dhcp6Writer writer = new Dhcp6Writer();

    @Property(tries = 2000)
    void anyBytesNeverThrowNeverReadOutsideAndReencodeWhenAccepted(@ForAll @Size(max = 400) byte[] bytes,
                                                                    @ForAll Kind kind) {
        checkArbitrary(bytes, kind);
    }

    @Property(tries = 2000)
    void mutatedCapturedMessagesNeverThrowNeverReadOutsideAndReencodeWhenAccepted(
            @ForAll @IntRange(min = 0, max = 75) int which, @ForAll @Size(min = 1, max = 6) List<@IntRange(max = 4095) Integer> positions,
            @ForAll @Size(min = 6, max = 6) byte[] values, @ForAll @IntRange(min = -8, max = 8) int lengthChange,
            @ForAll Kind kind) {
        byte[] original = CAPTURED.get(which % CAPTURED.size()).bytes();
        byte[] mutated = java.util.Arrays.copyOf(original, Math.max(0, original.length + lengthChange));
        for (int i = 0; i < positions.size() && mutated.length > 0; i++) {
            mutated[positions.get(i) % mutated.length] = values[i];
        }
        checkArbitrary(mutated, kind);
    }

    /** Bytes framed as plausible options with catalogue codes, to reach the checks of every format. */
    @Property(tries = 2000)
    void framedOptionsWithKnownCodesNeverThrow(@ForAll("framedMessages") byte[] bytes, @ForAll Kind kind) {
        checkArbitrary(bytes, kind);
    }

    @Provide
    Arbitrary<byte[]> framedMessages() {
        List<Integer> codes = OptionCatalog.all().stream().map(OptionDefinition::code).toList();
        Arbitrary<byte[]> option = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of(codes), Arbitraries.integers().between(0, 0xffff)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                Arbitraries.integers().between(-2, 2)).as((code, data, skew) -> {
                    byte[] o = new byte[4 + data.length];
                    o[0] = (byte) (code >>> 8);
                    o[1] = code.byteValue();
                    int length = Math.max(0, data.length + (skew == 2 ? 1 : skew == -2 ? -1 : 0));
                    o[2] = (byte) (length >>> 8);
                    o[3] = (byte) length;
                    System.arraycopy(data, 0, o, 4, data.length);
                    return o;
                });
        return Combinators.combine(Arbitraries.of(1, 2, 3, 7, 11, 12, 13, 200), option.list().ofMaxSize(8))
                .as((type, options) -> {
                    int header = type == 12 || type == 13 ? 34 : 4;
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    out.write(type);
                    out.writeBytes(new byte[header - 1]);
                    options.forEach(out::writeBytes);
                    return out.toByteArray();
                });
    }

    private void checkArbitrary(byte[] bytes, Kind kind) {
        ByteBuf guarded = TestBuffers.guarded(kind, bytes);
        ByteBuf out = TestBuffers.pooled(kind, bytes.length + 16);
        try {
            // A slice whose capacity is the message: any read outside it throws, and would fail the property.
            ByteBuf bounded = TestBuffers.bounded(guarded, bytes.length);
            boolean ok = view.wrap(bounded);
            Dhcp6DecodeError error = view.error();
            int offset = view.errorOffset();
            assertEquals(ok, again.wrap(guarded), "same verdict with guard bytes around");
            assertEquals(error, again.error());
            assertEquals(offset, again.errorOffset());
            if (ok) {
                assertEquals(Dhcp6DecodeError.NONE, error);
                Dhcp6Printer.toString(view);
                Dhcp6Reencoder.write(view, writer.begin(out));
                assertTrue(writer.finish(), () -> writer.error().toString());
                assertArrayEquals(bytes, TestBuffers.bytes(out), "accepted bytes re-encode identically");
            } else {
                assertTrue(offset >= 0 && offset <= bytes.length, "error offset " + offset + " inside the message");
            }
        } finally {
            guarded.release();
            out.release();
        }
    }

    // ---- generated valid messages -------------------------------------------------------------------------

    @Property(tries = 1000)
    void parseEncodeParseIsIdentityForValidMessages(@ForAll("validMessages") Consumer<Dhcp6Writer> message,
                                                    @ForAll Kind kind) {
        ByteBuf first = TestBuffers.pooled(kind, 256);
        ByteBuf second = TestBuffers.pooled(kind == Kind.DIRECT ? Kind.HEAP : Kind.DIRECT, 256);
        try {
            message.accept(writer.begin(first));
            assertTrue(writer.finish(), () -> writer.error().toString());
            assertTrue(view.wrap(first), () -> view.error() + " at " + view.errorOffset() + " in "
                    + io.netty.buffer.ByteBufUtil.hexDump(first));
            Dhcp6Reencoder.write(view, writer.begin(second));
            assertTrue(writer.finish());
            assertTrue(again.wrap(second));
            assertEquals(io.netty.buffer.ByteBufUtil.hexDump(first), io.netty.buffer.ByteBufUtil.hexDump(second));
            assertEquals(Dhcp6Printer.toString(view), Dhcp6Printer.toString(again));
            Dhcp6MessageView a = view.innermost();
            Dhcp6MessageView b = again.innermost();
            assertEquals(a.relayLevel(), b.relayLevel());
            assertEquals(a.optionCount(), b.optionCount());
            for (int i = 0; i < a.optionCount(); i++) {
                assertEquals(a.optionCode(i), b.optionCode(i));
                assertEquals(a.optionLength(i), b.optionLength(i));
            }
        } finally {
            first.release();
            second.release();
        }
    }

    @Provide
    Arbitrary<Consumer<Dhcp6Writer>> validMessages() {
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xffffffffL);
        Arbitrary<Long> any64 = Arbitraries.longs();
        Arbitrary<String> word = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
        Arbitrary<Consumer<Dhcp6Writer>> option = Arbitraries.oneOf(List.of(
                Combinators.combine(u32, any64).as((t, mac) -> w -> w.beginOption(1).duidLlt(1, t, mac & 0xffffffffffffL).endOption()),
                Combinators.combine(any64, any64).as((hi, lo) -> w -> w.beginOption(1).duidUuid(hi, lo).endOption()),
                any64.map(mac -> w -> w.serverIdLl(mac & 0xffffffffffffL)),
                Combinators.combine(u32, u32, u32, any64, any64, u32).as((iaid, t1, t2, hi, lo, life) ->
                        w -> w.iaNa(iaid, t1, t2).iaAddress(hi, lo, life, life).statusCode(0, "ok").endOption()),
                Combinators.combine(u32, u32, Arbitraries.integers().between(0, 128), any64).as((iaid, life, length, hi) ->
                        w -> w.iaPd(iaid, 0, 0).iaPrefix(life, life, length, hi, 0).endOption()),
                u32.map(iaid -> w -> w.iaTa(iaid).endOption()),
                Arbitraries.integers().between(0, 0xffff).array(int[].class).ofMaxSize(6).map(codes -> w -> w.optionRequest(codes)),
                Arbitraries.integers().between(0, 255).map(p -> w -> w.preference(p)),
                Arbitraries.integers().between(0, 0xffff).map(t -> w -> w.elapsedTime(t)),
                Arbitraries.just(Dhcp6Writer::rapidCommit),
                Arbitraries.just(Dhcp6Writer::reconfigureAccept),
                Combinators.combine(Arbitraries.integers().between(0, 0xffff), word).as((c, m) -> w -> w.statusCode(c, m)),
                word.map(u -> w -> w.userClass(u)),
                Combinators.combine(u32, word).as((e, v) -> w -> w.vendorClass(e, v)),
                Combinators.combine(u32, Arbitraries.bytes().array(byte[].class).ofMaxSize(8))
                        .as((e, d) -> w -> w.beginVendorOptions(e).option(1, d).endOption()),
                Combinators.combine(any64, any64).as((hi, lo) -> w -> w.dnsServers(hi, lo)),
                word.list().ofMinSize(1).ofMaxSize(3).map(labels -> w -> w.domainList(String.join(".", labels) + ".")),
                Combinators.combine(Arbitraries.integers().between(0, 7), word).as((f, n) -> w -> w.fqdn(f, n)),
                u32.map(s -> w -> w.informationRefreshTime(s)),
                word.map(p -> w -> w.bootFileUrl("http://[2001:db8::1]/" + p)),
                word.map(p -> w -> w.beginBootFileParameters().item(p).endOption()),
                Arbitraries.integers().between(0, 0xffff).map(a -> w -> w.clientArchType(a)),
                Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255))
                        .as((major, minor) -> w -> w.nii(1, major, minor)),
                any64.map(mac -> w -> w.clientLinkLayerAddress(1, mac & 0xffffffffffffL)),
                u32.map(s -> w -> w.solMaxRt(s)),
                u32.map(s -> w -> w.infMaxRt(s)),
                word.map(u -> w -> w.captivePortal("https://" + u + ".example/api")),
                Combinators.combine(Arbitraries.integers().between(200, 0xffff), Arbitraries.bytes().array(byte[].class).ofMaxSize(10))
                        .as((c, d) -> w -> w.option(c, d))));
        Arbitrary<Integer> messageType = Arbitraries.oneOf(Arbitraries.integers().between(1, 11),
                Arbitraries.integers().between(14, 255));
        Arbitrary<Consumer<Dhcp6Writer>> client = Combinators.combine(messageType,
                Arbitraries.integers().between(0, 0xffffff), option.list().ofMaxSize(8)).as((type, xid, options) -> w -> {
                    w.header(type, xid);
                    options.forEach(o -> o.accept(w));
                });
        return Combinators.combine(client, Arbitraries.integers().between(0, 3), any64, any64).as((inner, relays, link, peer) -> w -> {
            for (int i = 0; i < relays; i++) {
                w.relayHeader(i % 2 == 0 ? 12 : 13, relays - 1 - i, link, 1, peer, 2).interfaceId(
                        io.netty.buffer.Unpooled.EMPTY_BUFFER, 0, 0).relayMessage();
            }
            inner.accept(w);
            for (int i = 0; i < relays; i++) {
                w.endOption();
            }
        });
    }
}
