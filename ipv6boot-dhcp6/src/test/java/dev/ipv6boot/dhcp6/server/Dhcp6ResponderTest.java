package dev.ipv6boot.dhcp6.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.catalog.StatusCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.Dhcp6OptionCursor;
import dev.ipv6boot.dhcp6.codec.Dhcp6Writer;
import dev.ipv6boot.dhcp6.codec.option.IaAddress;
import dev.ipv6boot.dhcp6.lease.AddressChooser;
import dev.ipv6boot.dhcp6.lease.InMemoryLeaseStore;
import dev.ipv6boot.dhcp6.policy.CapturedVectors;
import dev.ipv6boot.dhcp6.policy.Dhcp6Policy;
import dev.ipv6boot.dhcp6.policy.PolicyText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class Dhcp6ResponderTest {

    /** The captures' server: MAC 02:00:00:00:00:01, so the captured Requests name this server. */
    static final long SERVER_MAC = 0x020000000001L;
    static final byte[] SALT = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    static final String POLICY = String.join("\n",
            "authoritative",
            "option dns-servers 2001:db8::1",
            "if member('IPXE')",
            "  option bootfile-url http://[2001:db8::1]/ubuntu.cfg",
            "elif member('EDK2_PXE')",
            "  option bootfile-url tftp://[2001:db8::1]/ipxe.efi",
            "elif member('UEFI_X64')",
            "  option bootfile-url http://[2001:db8::1]/ipxe.efi",
            "end",
            "subnet 2001:db8::/64 interface veth0",
            "  pool 2001:db8::1:0 - 2001:db8::1:ffff",
            "  pd-pool 2001:db8:8000::/33 56",
            "end",
            "subnet 2001:db8:2::/64",
            "  pool 2001:db8:2::100 - 2001:db8:2::1ff",
            "  reserve 02:00:00:00:00:77 2001:db8:2::77",
            "end",
            "subnet 2001:db8:3::/64",
            "end");

    final Dhcp6Policy policy = PolicyText.parse(POLICY);
    final InMemoryLeaseStore store = new InMemoryLeaseStore();
    final Dhcp6Responder responder = new Dhcp6Responder(policy, store, new AddressChooser(SALT), SERVER_MAC);
    final LinkContext link = new LinkContext();

    /** Answers {@code request} and hands the parsed reply (or null) to {@code check}. */
    Outcome answer(byte[] request, byte[] source, Consumer<Dhcp6MessageView> check) {
        ByteBuf in = PooledByteBufAllocator.DEFAULT.directBuffer(request.length);
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(2048);
        try {
            in.writeBytes(request);
            link.set("veth0", high(source), low(source), 1_800_000_000L);
            Outcome o = responder.respond(in, link, out);
            if (o == Outcome.REPLIED) {
                Dhcp6MessageView reply = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
                assertTrue(reply.wrap(out), reply::toString);
                assertTrue(out.readableBytes() <= 1472 + 100);
                check.accept(reply);
            } else {
                assertEquals(0, out.readableBytes(), "nothing written for a drop");
            }
            return o;
        } finally {
            in.release();
            out.release();
        }
    }

    Outcome answer(byte[] request, Consumer<Dhcp6MessageView> check) {
        return answer(request, null, check);
    }

    Outcome answer(CapturedVectors.Message m, Consumer<Dhcp6MessageView> check) {
        return answer(m.bytes(), m.source(), check);
    }

    static long high(byte[] a) {
        return a == null ? 0 : java.nio.ByteBuffer.wrap(a).getLong(0);
    }

    static long low(byte[] a) {
        return a == null ? 0 : java.nio.ByteBuffer.wrap(a).getLong(8);
    }

    static String text(Dhcp6MessageView v, int code) {
        int i = v.indexOf(code);
        return i < 0 ? null : v.buffer().toString(v.optionOffset(i), v.optionLength(i), StandardCharsets.UTF_8);
    }

    /** The first address of the first IA_NA, as text, or null. */
    static String address(Dhcp6MessageView v) {
        int i = v.indexOf(OptionCodes.IA_NA);
        if (i < 0) {
            return null;
        }
        Dhcp6OptionCursor c = new Dhcp6OptionCursor();
        for (v.suboptions(i, c); c.next(); ) {
            if (c.code() == OptionCodes.IA_ADDRESS) {
                return dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat.toString(IaAddress.addressHigh(c.buffer(), c.dataOffset()),
                        IaAddress.addressLow(c.buffer(), c.dataOffset()));
            }
        }
        return null;
    }

    static int iaStatus(Dhcp6MessageView v, int code) {
        int i = v.indexOf(code);
        Dhcp6OptionCursor c = new Dhcp6OptionCursor();
        for (v.suboptions(i, c); c.next(); ) {
            if (c.code() == OptionCodes.STATUS_CODE) {
                return c.buffer().getUnsignedShort(c.dataOffset());
            }
        }
        return -1;
    }

    static int requestType(CapturedVectors.Message m) {
        Dhcp6MessageView v = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        assertTrue(v.wrap(Unpooled.wrappedBuffer(m.bytes())));
        return v.innermost().messageType();
    }

    static int status(Dhcp6MessageView v) {
        int i = v.indexOf(OptionCodes.STATUS_CODE);
        return i < 0 ? -1 : v.buffer().getUnsignedShort(v.optionOffset(i));
    }

    @Test
    void answersEveryCapturedExchangeAsKeaDidWhereItMatters() {
        int compared = 0;
        for (String file : CapturedVectors.DHCP6_FILES) {
            List<CapturedVectors.Message> messages = CapturedVectors.in(file);
            for (CapturedVectors.Message request : messages) {
                if (!request.fromClient()) {
                    continue;
                }
                CapturedVectors.Message kea = CapturedVectors.replyTo(request).orElse(null);
                Outcome o = answer(request, ours -> {
                    assertNotNull(kea, "Kea did not answer " + request + " but we did");
                    Dhcp6MessageView theirs = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
                    assertTrue(theirs.wrap(Unpooled.wrappedBuffer(kea.bytes())));
                    assertEquals(theirs.messageType(), ours.messageType(), request.toString());
                    if (theirs.isRelay()) {
                        assertEquals(theirs.linkAddressLow(), ours.linkAddressLow());
                        assertEquals(theirs.peerAddressLow(), ours.peerAddressLow());
                        assertEquals(theirs.hopCount(), ours.hopCount());
                    }
                    Dhcp6MessageView t = theirs.innermost();
                    Dhcp6MessageView u = ours.innermost();
                    assertEquals(t.messageType(), u.messageType(), request.toString());
                    assertEquals(t.transactionId(), u.transactionId());
                    assertEquals(text(t, OptionCodes.CLIENT_ID), text(u, OptionCodes.CLIENT_ID));
                    assertEquals(text(t, OptionCodes.SERVER_ID), text(u, OptionCodes.SERVER_ID), "same server DUID");
                    if (requestType(request) == 8) {
                        // RFC 9915 §18.3.7: a released IA needs no IA in the Reply (Kea echoes it); the status suffices
                        assertEquals(StatusCodes.SUCCESS, status(u), request.toString());
                        assertFalse(u.hasOption(OptionCodes.IA_NA) || u.hasOption(OptionCodes.IA_PD), "all were bound");
                        return;
                    }
                    assertEquals(t.hasOption(OptionCodes.IA_NA), u.hasOption(OptionCodes.IA_NA), request.toString());
                    assertEquals(address(t) != null, address(u) != null, request + ": an address exactly when Kea gave one");
                    if (address(u) != null) {
                        assertTrue(address(u).startsWith("2001:db8::1:"), address(u));
                    }
                    assertEquals(t.hasOption(OptionCodes.IA_PD), u.hasOption(OptionCodes.IA_PD), request.toString());
                    assertEquals(t.hasRapidCommit(), u.hasRapidCommit());
                    if (!file.startsWith("ipxe-ovmfnet")) {   // there Kea gave EDK2 PXE an http:// URL (PXE-E53)
                        assertEquals(text(t, OptionCodes.BOOT_FILE_URL), text(u, OptionCodes.BOOT_FILE_URL), request.toString());
                    }
                    assertEquals(t.hasOption(OptionCodes.DNS_SERVERS), u.hasOption(OptionCodes.DNS_SERVERS), request.toString());
                    assertEquals(text(t, OptionCodes.VENDOR_CLASS), text(u, OptionCodes.VENDOR_CLASS), request.toString());
                });
                if (kea != null) {
                    assertEquals(Outcome.REPLIED, o, request.toString());
                    compared++;
                }
            }
        }
        assertTrue(compared >= 35, "compared " + compared);
    }

    @Test
    void firmwareAndIpxeOfOneMachineGetOneAddressThoughTheirDuidsAndIaidsDiffer() {
        String[] seen = new String[3];
        answer(CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 10), r -> seen[0] = address(r));   // EDK2 PXE, DUID-LLT
        answer(CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 19), r -> seen[1] = address(r));   // HTTP Boot, other IAID
        answer(CapturedVectors.frame("ipxe-efi-managed-boot.pcap", 5), r -> seen[2] = address(r)); // iPXE, DUID-UUID 0
        assertNotNull(seen[0]);
        assertEquals(seen[0], seen[1]);
        assertEquals(seen[0], seen[2], "iPXE's all-zero DUID-UUID: the MAC comes from its EUI-64 link-local source");
    }

    @Test
    void edk2GetsItsTftpUrlAndPreference255InTheAdvertiseAndHttpBootItsEcho() {
        answer(CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 10), r -> {
            assertEquals(2, r.messageType());
            assertEquals("tftp://[2001:db8::1]/ipxe.efi", text(r, OptionCodes.BOOT_FILE_URL));
            assertEquals(255, r.preference());
            assertFalse(r.hasOption(OptionCodes.BOOT_FILE_PARAMETERS));
            assertFalse(r.hasOption(OptionCodes.VENDOR_CLASS));
        });
        answer(CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 19), r -> {
            assertEquals("http://[2001:db8::1]/ipxe.efi", text(r, OptionCodes.BOOT_FILE_URL));
            assertEquals("\0\0\1\u0057\0\nHTTPClient", text(r, OptionCodes.VENDOR_CLASS));
        });
        answer(CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 5), r -> {
            assertEquals(7, r.messageType());
            assertTrue(r.hasOption(OptionCodes.DNS_SERVERS), "EDK2's bare Information-request still gets DNS");
            assertFalse(r.hasOption(OptionCodes.BOOT_FILE_URL));
        });
    }

    @Test
    void repliesStayWithin1472OctetsKeepingTheBootEssentials() {
        String big = "0x" + "ab".repeat(1400);
        Dhcp6Policy fat = PolicyText.parse(POLICY.replace("authoritative", "authoritative\nalways option 65000 " + big));
        Dhcp6Responder r = new Dhcp6Responder(fat, new InMemoryLeaseStore(), new AddressChooser(SALT), SERVER_MAC);
        CapturedVectors.Message edk2 = CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 10);
        ByteBuf in = Unpooled.wrappedBuffer(edk2.bytes());
        ByteBuf out = PooledByteBufAllocator.DEFAULT.heapBuffer(4096);
        try {
            assertEquals(Outcome.REPLIED, r.respond(in, link.set("veth0", 0, 0, 0), out));
            assertTrue(out.readableBytes() <= 1472, out.readableBytes() + " octets");
            Dhcp6MessageView v = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
            assertTrue(v.wrap(out));
            assertEquals("tftp://[2001:db8::1]/ipxe.efi", text(v, OptionCodes.BOOT_FILE_URL));
            assertNotNull(address(v));
            assertFalse(v.hasOption(65000));
        } finally {
            out.release();
        }
    }

    @Test
    void relayedSolicitIsServedFromTheSubnetOfTheLinkAddressWithInterfaceIdEchoed() {
        byte[] relayed = relayForward(0x20010db800020000L, 0x1L, "ge-0/0/7", solicit(0x020000000042L, false));
        answer(relayed, null, r -> {
            assertEquals(13, r.messageType());
            assertEquals(0x1L, r.linkAddressLow());
            assertEquals("ge-0/0/7", text(r, OptionCodes.INTERFACE_ID));
            Dhcp6MessageView inner = r.innermost();
            assertEquals(2, inner.messageType());
            assertTrue(address(inner).startsWith("2001:db8:2::1"), address(inner));
        });
        byte[] reserved = relayForward(0x20010db800020000L, 0x1L, null, solicit(0x020000000077L, false));
        answer(reserved, null, r -> assertEquals("2001:db8:2::77", address(r.innermost()), "reservation by MAC"));
    }

    @Test
    void twoRelaysNestTwoRelayReplies() {
        byte[] inner = relayForward(0x20010db800020000L, 0x1L, "port1", solicit(0x020000000043L, false));
        byte[] outer = relayForward(0, 0, "uplink", inner);
        answer(outer, null, r -> {
            assertEquals("uplink", text(r, OptionCodes.INTERFACE_ID));
            Dhcp6MessageView second = r.relayMessage();
            assertEquals(13, second.messageType());
            assertEquals("port1", text(second, OptionCodes.INTERFACE_ID));
            assertTrue(address(second.relayMessage()).startsWith("2001:db8:2::1"));
        });
    }

    /**
     * Kea's classification language, which ours follows: {@code relay6[0]} is the relay closest to the server (the
     * outermost Relay-forw, Kea's {@code relay_info_[0]}), {@code relay6[-1]} the one closest to the client. A
     * policy written for Kea must choose the same rule here.
     */
    @Test
    void relay6ZeroIsTheRelayClosestToTheServerAsInKea() {
        String kea = String.join("\n",
                "if relay6[0].linkaddr == 0x20010db8000900000000000000000009"
                        + " and relay6[1].linkaddr == 0x20010db8000200000000000000000001"
                        + " and relay6[-1].linkaddr == 0x20010db8000200000000000000000001"
                        + " and relay6[-2].linkaddr == 0x20010db8000900000000000000000009"
                        + " and relay6[0].option[18].hex == 'uplink' and relay6[-1].option[18].hex == 'port1'",
                "  option bootfile-url http://[2001:db8::1]/kea-order.efi",
                "else",
                "  option bootfile-url http://[2001:db8::1]/reversed.efi",
                "end",
                "subnet 2001:db8:2::/64",
                "  pool 2001:db8:2::100 - 2001:db8:2::1ff",
                "end");
        Dhcp6Responder r = new Dhcp6Responder(PolicyText.parse(kea), new InMemoryLeaseStore(), new AddressChooser(SALT),
                SERVER_MAC);
        byte[] nearClient = relayForward(0x20010db800020000L, 0x1L, "port1", solicit(0x020000000045L, false));
        byte[] nearServer = relayForward(0x20010db800090000L, 0x9L, "uplink", nearClient);
        ByteBuf in = Unpooled.wrappedBuffer(nearServer);
        ByteBuf out = Unpooled.buffer(2048);
        assertEquals(Outcome.REPLIED, r.respond(in, link.set(null, 0, 0, 1_800_000_000L), out));
        Dhcp6MessageView reply = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        assertTrue(reply.wrap(out));
        assertEquals("http://[2001:db8::1]/kea-order.efi", text(reply.innermost(), OptionCodes.BOOT_FILE_URL));
        assertTrue(address(reply.innermost()).startsWith("2001:db8:2::1"), "subnet of the relay next to the client");
    }

    /**
     * RFC 9915 §21.5: IA_TA is obsoleted; "when the server receives IA_TA option, the option SHOULD be ignored and
     * the message processing should continue as usual", and "the server SHOULD NOT send this option". So no IA_TA,
     * not even one carrying NoAddrsAvail (RFC 8415's answer), while the IA_NA beside it is served.
     */
    @Test
    void iaTaIsIgnoredAsRfc9915Section21_5SaysWhileTheIaNaIsServed() {
        byte[] both = message(1, w -> w.beginOption(OptionCodes.CLIENT_ID).duidLl(1, 0x020000000046L).endOption()
                .iaTa(9).endOption()
                .iaNa(7, 0, 0).endOption()
                .optionRequest(new int[] {OptionCodes.DNS_SERVERS}));
        assertEquals(Outcome.REPLIED, answer(both, r -> {
            assertEquals(2, r.messageType());
            assertFalse(r.hasOption(OptionCodes.IA_TA), "no IA_TA in the Advertise");
            assertTrue(address(r).startsWith("2001:db8::1:"), address(r));
        }));
        byte[] onlyTa = message(3, w -> w.beginOption(OptionCodes.CLIENT_ID).duidLl(1, 0x020000000047L).endOption()
                .serverIdLl(SERVER_MAC)
                .iaTa(9).endOption()
                .optionRequest(new int[] {OptionCodes.DNS_SERVERS}));
        assertEquals(Outcome.REPLIED, answer(onlyTa, r -> {
            assertEquals(7, r.messageType());
            assertFalse(r.hasOption(OptionCodes.IA_TA));
            assertFalse(r.hasOption(OptionCodes.IA_NA));
            assertTrue(r.hasOption(OptionCodes.DNS_SERVERS), "processing continued: configuration is answered");
        }));
        assertEquals(0, store.size(), "nothing bound for an IA_TA");
    }

    @Test
    void noPoolOnTheLinkMeansNoAddrsAvailButStillConfiguration() {
        byte[] relayed = relayForward(0x20010db800030000L, 0x1L, null, solicit(0x020000000044L, false));
        answer(relayed, null, r -> {
            Dhcp6MessageView a = r.innermost();
            assertEquals(StatusCodes.NO_ADDRS_AVAIL, iaStatus(a, OptionCodes.IA_NA));
            assertEquals(null, address(a));
            assertTrue(a.hasOption(OptionCodes.DNS_SERVERS));
        });
    }

    @Test
    void rapidCommitBindsAndRepliesAtOnce() {
        answer(CapturedVectors.frame("dhcp6-kea-perfdhcp-rapidcommit.pcap", 1), r -> {
            assertEquals(7, r.messageType());
            assertTrue(r.hasRapidCommit());
        });
        assertEquals(1, store.size());
        assertTrue(responder.durableAfter() > 0);
    }

    @Test
    void requestBindsRenewExtendsReleaseForgets() {
        long mac = 0x020000000050L;
        String[] a = new String[1];
        answer(request(3, mac, true, 0, 0), r -> a[0] = address(r));
        assertEquals(1, store.size());
        long[] addr = dev.ipv6boot.dhcp6.policy.Ipv6Prefix.parseAddress(a[0]);
        answer(request(5, mac, true, addr[0], addr[1]), r -> {
            assertEquals(a[0], address(r));
            assertEquals(-1, iaStatus(r, OptionCodes.IA_NA));
        });
        answer(request(8, mac, true, addr[0], addr[1]), r -> assertEquals(StatusCodes.SUCCESS, status(r)));
        assertEquals(0, store.size());
        answer(request(8, mac, true, addr[0], addr[1]), r ->
                assertEquals(StatusCodes.NO_BINDING, iaStatus(r, OptionCodes.IA_NA), "released twice"));
    }

    @Test
    void renewOfAnUnknownAddressIsNoBindingAndRebindOffLinkWithdrawsIt() {
        long mac = 0x020000000051L;
        answer(request(5, mac, true, 0x20010db800090000L, 5), r ->
                assertEquals(StatusCodes.NO_BINDING, iaStatus(r, OptionCodes.IA_NA)));
        answer(request(6, mac, false, 0x20010db800090000L, 5), r -> {
            Dhcp6OptionCursor c = new Dhcp6OptionCursor();
            int withdrawn = 0;
            for (r.suboptions(r.indexOf(OptionCodes.IA_NA), c); c.next(); ) {
                if (c.code() == OptionCodes.IA_ADDRESS && IaAddress.addressLow(c.buffer(), c.dataOffset()) == 5) {
                    assertEquals(0, IaAddress.validLifetime(c.buffer(), c.dataOffset()));
                    withdrawn++;
                }
            }
            assertEquals(1, withdrawn, "the off-link address comes back with lifetimes 0 (RFC 9915 §18.3.5)");
            assertNotNull(address(r), "and a new one on the link");
        });
    }

    @Test
    void confirmSaysNotOnLinkForAnotherLinksAddress() {
        answer(request(4, 0x020000000052L, false, 0x20010db800000000L, 0x10005L), r ->
                assertEquals(StatusCodes.SUCCESS, status(r)));
        answer(request(4, 0x020000000052L, false, 0x20010db800090000L, 5), r ->
                assertEquals(StatusCodes.NOT_ON_LINK, status(r)));
        assertEquals(Outcome.CONFIRM_UNANSWERABLE, answer(request(4, 0x020000000052L, false, 0, 0), null, r -> { }));
    }

    @Test
    void declineMovesTheMachineToItsNextCandidate() {
        long mac = 0x020000000053L;
        String[] a = new String[2];
        answer(request(3, mac, true, 0, 0), r -> a[0] = address(r));
        long[] addr = dev.ipv6boot.dhcp6.policy.Ipv6Prefix.parseAddress(a[0]);
        answer(request(9, mac, true, addr[0], addr[1]), r -> assertEquals(StatusCodes.SUCCESS, status(r)));
        answer(request(3, mac, true, 0, 0), r -> a[1] = address(r));
        assertNotEquals(a[0], a[1]);
        assertNotNull(a[1]);
    }

    @Test
    void twoServersWithTheSameSaltGiveIdenticalAnswers() {
        Dhcp6Responder other = new Dhcp6Responder(PolicyText.parse(POLICY), new InMemoryLeaseStore(),
                new AddressChooser(SALT), SERVER_MAC);
        for (CapturedVectors.Message m : CapturedVectors.allClientMessages()) {
            ByteBuf out1 = Unpooled.buffer(2048);
            ByteBuf out2 = Unpooled.buffer(2048);
            link.set("veth0", high(m.source()), low(m.source()), 1_800_000_000L);
            Outcome o1 = responder.respond(Unpooled.wrappedBuffer(m.bytes()), link, out1);
            Outcome o2 = other.respond(Unpooled.wrappedBuffer(m.bytes()), link, out2);
            assertEquals(o1, o2, m.toString());
            assertEquals(HexFormat.of().formatHex(bytes(out1)), HexFormat.of().formatHex(bytes(out2)), m.toString());
        }
    }

    @Test
    void discardRulesOfRfc9915Section16() {
        assertEquals(Outcome.UNEXPECTED_SERVER_ID, answer(withServerId(solicit(0x020000000060L, false), SERVER_MAC), null, r -> { }));
        assertEquals(Outcome.NO_SERVER_ID, answer(request(3, 0x020000000060L, false, 0, 0), null, r -> { }));
        assertEquals(Outcome.OTHER_SERVER, answer(withServerId(request(3, 0x020000000060L, false, 0, 0), 0x0200000000ffL),
                null, r -> { }));
        assertEquals(Outcome.NOT_FOR_SERVER, answer(new byte[] {2, 0, 0, 1}, null, r -> { }));
        assertEquals(Outcome.UNSUPPORTED_TYPE, answer(new byte[] {(byte) 200, 0, 0, 1}, null, r -> { }));
        assertEquals(Outcome.MALFORMED, answer(new byte[] {1, 0, 0, 1, 0, 1, 0, 9}, null, r -> { }));
        assertEquals(Outcome.NO_CLIENT_ID, answer(new byte[] {1, 0, 0, 1}, null, r -> { }));
        byte[] infoWithIa = message(11, w -> w.iaNa(1, 0, 0).endOption());
        assertEquals(Outcome.IA_IN_INFORMATION_REQUEST, answer(infoWithIa, null, r -> { }));
        Dhcp6Policy dropping = PolicyText.parse("class DROP option[61].hex == 0x0007\n" + POLICY);
        Dhcp6Responder r = new Dhcp6Responder(dropping, new InMemoryLeaseStore(), new AddressChooser(SALT), SERVER_MAC);
        ByteBuf out = Unpooled.buffer();
        assertEquals(Outcome.DROP_CLASS, r.respond(Unpooled.wrappedBuffer(
                CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 10).bytes()), link, out));
    }

    @Test
    void answeringAllocatesNothingOnceWarm() {
        byte[] solicitBytes = CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 10).bytes();
        byte[] requestBytes = CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 14).bytes();
        byte[] relayed = relayForward(0x20010db800020000L, 0x1L, "ge-0/0/7", solicit(0x020000000042L, false));
        ByteBuf[] ins = {Unpooled.wrappedBuffer(solicitBytes), Unpooled.wrappedBuffer(requestBytes), Unpooled.wrappedBuffer(relayed)};
        ByteBuf out = Unpooled.buffer(2048);             // untracked: paranoid leak records would allocate
        try {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            int n = 0;
            for (int i = 0; i < 30_000; i++) {
                out.clear();
                n += responder.respond(ins[i % 3], link.set("veth0", 0xfe80_0000_0000_0000L, 0x5054_00ff_fe12_3456L, 1_800_000_000L), out).ordinal();
            }
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 30_000; i++) {
                out.clear();
                n += responder.respond(ins[i % 3], link, out).ordinal();
            }
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            assertEquals(0, n, "all answered");
            assertTrue(allocated < 30_000, allocated + " bytes for 30,000 answers");
        } finally {
            out.release();
        }
    }

    // ---- synthetic messages -------------------------------------------------------------------------------

    static byte[] message(int type, Consumer<Dhcp6Writer> body) {
        ByteBuf out = Unpooled.buffer(512);
        Dhcp6Writer w = new Dhcp6Writer().begin(out).header(type, 0x4242);
        body.accept(w);
        assertTrue(w.finish());
        return bytes(out);
    }

    static byte[] solicit(long mac, boolean rapidCommit) {
        return message(1, w -> {
            w.beginOption(OptionCodes.CLIENT_ID).duidLl(1, mac).endOption()
                    .iaNa(7, 0, 0).endOption()
                    .optionRequest(new int[] {OptionCodes.DNS_SERVERS, OptionCodes.BOOT_FILE_URL});
            if (rapidCommit) {
                w.rapidCommit();
            }
        });
    }

    /** A Request (3), Renew (5), Rebind (6), Confirm (4), Release (8) or Decline (9) for one IA_NA. */
    static byte[] request(int type, long mac, boolean serverId, long high, long low) {
        return message(type, w -> {
            w.beginOption(OptionCodes.CLIENT_ID).duidLl(1, mac).endOption();
            if (serverId) {
                w.serverIdLl(SERVER_MAC);
            }
            w.iaNa(7, 0, 0);
            if (high != 0 || low != 0) {
                w.iaAddress(high, low, 0, 0);
            }
            w.endOption().optionRequest(new int[] {OptionCodes.DNS_SERVERS});
        });
    }

    static byte[] withServerId(byte[] message, long mac) {
        ByteBuf out = Unpooled.buffer();
        out.writeBytes(message);
        Dhcp6Writer w = new Dhcp6Writer().begin(out);
        w.serverIdLl(mac);
        assertTrue(w.finish());
        return bytes(out);
    }

    static byte[] relayForward(long linkHigh, long linkLow, String interfaceId, byte[] inner) {
        ByteBuf out = Unpooled.buffer(1024);
        Dhcp6Writer w = new Dhcp6Writer().begin(out).relayHeader(12, 0, linkHigh, linkLow, 0xfe80_0000_0000_0000L, 0x99L);
        if (interfaceId != null) {
            byte[] id = interfaceId.getBytes(StandardCharsets.US_ASCII);
            w.interfaceId(Unpooled.wrappedBuffer(id), 0, id.length);
        }
        w.relayMessage().bytes(inner).endOption();
        assertTrue(w.finish());
        return bytes(out);
    }

    static byte[] bytes(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), out);
        return out;
    }
}
