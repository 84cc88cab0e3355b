package dev.ipv6boot.examples.observe;

import dev.ipv6boot.dhcp6.lease.Lease;
import dev.ipv6boot.dhcp6.lease.MachineIdentity;
import dev.ipv6boot.dns.DnsCounters;
import dev.ipv6boot.dns.DnsForwarderListener.AnswerSource;
import dev.ipv6boot.ndp.codec.Ipv6Address;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.ipv6boot.examples.observe.BootMessages.LINK_LOCAL;
import static dev.ipv6boot.examples.observe.BootMessages.MAC;
import static dev.ipv6boot.examples.observe.BootMessages.MAC_TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootObserverTest {
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private static final long LEASED_HIGH = 0x2001_0db8_0000_0000L;
    private static final long LEASED_LOW = 0x1_0000L;
    private static final String LEASED = "2001:db8::1:0";

    private final TestClock clock = new TestClock(START);
    private final BootObserver observer = BootObserver.builder().clock(clock).stuckAfter(Duration.ofMinutes(15))
            .hostname("52-54-00-12-34-56", "alpha").build();

    private static long identity() {
        return ((long) MachineIdentity.KIND_MAC << 56) | MAC;
    }

    private void bindLease() {
        observer.leaseBound(new Lease().set(Lease.ADDRESS, identity(), 0, 0xfab37777L, LEASED_HIGH, LEASED_LOW, 0,
                START.getEpochSecond() + 3600, 0));
    }

    /** The whole seed boot: RS, EDK2 PXE, ipxe.efi over TFTP, iPXE, script, kernel, initrd, preseed. */
    private void bootToAnswers() throws IOException {
        observer.solicited(Ipv6Address.parse(LINK_LOCAL), MAC);
        clock.advance(Duration.ofMillis(400));
        BootMessages.answer(observer, BootMessages.capturedEdk2Solicit(), 2);
        bindLease();
        clock.advance(Duration.ofSeconds(2));
        observer.served(BootMessages.tftp(LINK_LOCAL, "ipxe.efi", 0, 1_048_576));
        clock.advance(Duration.ofSeconds(15));
        BootMessages.answer(observer, BootMessages.ipxeSolicit(), 2);
        observer.served(BootMessages.http(LEASED, "/boot/52-54-00-12-34-56.ipxe?arch=x86_64", 200, 180));
        observer.served(BootMessages.http(LEASED, "/ubuntu-installer/amd64/linux", 200, 6_000_000));
        observer.served(BootMessages.http(LEASED, "/ubuntu-installer/amd64/initrd.gz", 200, 40_000_000));
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            observer.queryAnswered(BootMessages.socket(LEASED), "boot.example.", 28, AnswerSource.LOCAL, 0, false);
        }
        observer.served(BootMessages.http(LEASED, "/preseed/ubuntu1404.cfg", 200, 2_000));
    }

    @Test
    void followsOneMachineFromRouterSolicitationToItsPreseed() throws IOException {
        bootToAnswers();

        MachineTimeline t = observer.machine(MAC_TEXT).orElseThrow();
        assertEquals("alpha", t.hostname());
        assertEquals(BootStage.ANSWERS, t.stage());
        assertEquals(1, t.boots());
        assertFalse(t.stuck());
        assertEquals(3, t.dnsQueries(), "DNS queries are counted, not one event each");
        assertEquals(List.of(BootEvent.Kind.ROUTER_SOLICITATION, BootEvent.Kind.DHCPV6, BootEvent.Kind.LEASE,
                BootEvent.Kind.TFTP, BootEvent.Kind.DHCPV6, BootEvent.Kind.HTTP, BootEvent.Kind.HTTP,
                BootEvent.Kind.HTTP, BootEvent.Kind.HTTP), t.events().stream().map(BootEvent::kind).toList());
        assertEquals(List.of(BootStage.SEEN, BootStage.FIRMWARE, BootStage.FIRMWARE, BootStage.LOADER,
                BootStage.IPXE, BootStage.SCRIPT, BootStage.KERNEL, BootStage.INITRD, BootStage.ANSWERS),
                t.events().stream().map(BootEvent::stage).toList());
        String firmware = t.events().get(1).detail();
        assertTrue(firmware.startsWith("Solicit -> Advertise"), firmware);
        assertTrue(firmware.contains("EFI x86-64 (0x0007)"), firmware);
        assertTrue(firmware.contains("vendor class \"PXEClient:Arch:00007:UNDI:003000\""), firmware);
        assertTrue(firmware.contains("DUID-LLT"), firmware);
        String ipxe = t.events().get(4).detail();
        assertTrue(ipxe.contains("user class \"iPXE\"") && ipxe.contains("DUID-UUID"), ipxe);
        assertTrue(t.events().get(2).detail().startsWith("address " + LEASED), t.events().get(2).detail());
        assertTrue(t.events().get(3).detail().contains("ipxe.efi complete, 1048576 bytes"), t.events().get(3).detail());
        assertEquals(START.plusMillis(400 + 2000 + 15_000 + 30_000), t.stageSince());
        assertTrue(t.addresses().containsAll(List.of(LINK_LOCAL, LEASED)), t.addresses().toString());
        assertEquals(1, observer.machines().size(), "every event was tied to the one machine");
        assertEquals(0, observer.unattributedDownloads());
    }

    @Test
    void aMachineThatFetchedItsKernelButNeverItsInitrdIsStuckAfterTheConfiguredTime() throws IOException {
        BootMessages.answer(observer, BootMessages.capturedEdk2Solicit(), 2);
        bindLease();
        observer.served(BootMessages.http(LEASED, "/ubuntu-installer/amd64/linux", 200, 6_000_000));
        String done = "02:00:00:00:00:0a";
        observer.served(BootMessages.http("fe80::ff:fe00:a", "/preseed/host.cfg", 200, 900));
        String onlySeen = "02:00:00:00:00:0b";
        observer.solicited(Ipv6Address.parse("fe80::ff:fe00:b"), -1);

        clock.advance(Duration.ofMinutes(15));
        assertFalse(observer.machine(MAC_TEXT).orElseThrow().stuck(), "15 minutes is not yet more than 15");
        // Progress-free activity (more DNS, the same kernel again) does not reset the stage's time.
        observer.queryAnswered(BootMessages.socket(LEASED), "boot.example.", 28, AnswerSource.LOCAL, 0, false);
        observer.served(BootMessages.http(LEASED, "/ubuntu-installer/amd64/linux", 200, 6_000_000));
        clock.advance(Duration.ofSeconds(1));

        MachineTimeline stuck = observer.machine(MAC_TEXT).orElseThrow();
        assertTrue(stuck.stuck());
        assertEquals(BootStage.KERNEL, stuck.stage());
        assertEquals("at kernel for 15 min, still waiting for the initrd", stuck.stuckReason(clock.instant()));
        assertFalse(observer.machine(done).orElseThrow().stuck(), "answers fetched: finished, not stuck");
        assertEquals(BootStage.ANSWERS, observer.machine(done).orElseThrow().stage());
        assertFalse(observer.machine(onlySeen).orElseThrow().stuck(), "never started a boot");
        assertEquals(1, observer.stuckPerStage().get(BootStage.KERNEL));
        assertEquals(1, observer.stuckPerStage().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(1, observer.machinesPerStage().get(BootStage.SEEN));

        observer.served(BootMessages.http(LEASED, "/ubuntu-installer/amd64/initrd.gz", 200, 40_000_000));
        assertFalse(observer.machine(MAC_TEXT).orElseThrow().stuck(), "progress clears it");
    }

    @Test
    void keepsAtMostTheConfiguredMachinesAndEventsForgettingTheLeastRecentFirst() {
        BootObserver small = BootObserver.builder().clock(clock).maxMachines(3).maxEventsPerMachine(4).build();
        for (int i = 1; i <= 5; i++) {
            small.solicited(Ipv6Address.parse("fe80::ff:fe00:" + i), -1);
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(List.of("02:00:00:00:00:03", "02:00:00:00:00:04", "02:00:00:00:00:05"),
                small.machines().stream().map(MachineTimeline::mac).toList());
        assertEquals(2, small.forgottenMachines());

        String busy = "02:00:00:00:00:05";
        for (int i = 0; i < 10; i++) {
            small.served(BootMessages.http("fe80::ff:fe00:5", "/ipxe.efi", 200, 1000));
        }
        MachineTimeline t = small.machine(busy).orElseThrow();
        assertEquals(4, t.events().size());
        assertEquals(7, t.droppedEvents(), "1 RS and 6 downloads forgotten");
        assertEquals(BootStage.LOADER, t.stage(), "the stage survives forgotten events");
        // Addresses seen per machine are bounded too.
        for (int i = 0; i < 20; i++) {
            small.leaseBound(new Lease().set(Lease.ADDRESS, ((long) MachineIdentity.KIND_MAC << 56) | 0x0200000000_05L,
                    0, 1, LEASED_HIGH, i, 0, 0, 0));
        }
        assertEquals(Machine.MAX_ADDRESSES, small.machine(busy).orElseThrow().addresses().size());
    }

    @Test
    void firmwareAskingAgainAfterALoaderStartsANewBoot() throws IOException {
        BootMessages.answer(observer, BootMessages.capturedEdk2Solicit(), 2);
        observer.served(BootMessages.tftp(LINK_LOCAL, "ipxe.efi", 0, 1_048_576));
        clock.advance(Duration.ofMinutes(3));
        BootMessages.answer(observer, BootMessages.capturedEdk2Solicit(), 2);

        MachineTimeline t = observer.machine(MAC_TEXT).orElseThrow();
        assertEquals(BootStage.FIRMWARE, t.stage());
        assertEquals(2, t.boots());
        assertEquals(clock.instant(), t.stageSince());
        BootEvent reboot = t.events().get(t.events().size() - 2);
        assertEquals(BootEvent.Kind.REBOOT, reboot.kind());
        assertEquals("boot #2 (firmware again after loader fetched)", reboot.detail());
    }

    @Test
    void failedDownloadsHeadRequestsAndAnInstallersDhcpv6ShowNoProgress() throws IOException {
        BootMessages.answer(observer, BootMessages.capturedEdk2Solicit(), 2);
        bindLease();
        observer.served(BootMessages.http(LEASED, "/ipxe.efi", 404, 0));
        observer.served(BootMessages.tftp(LEASED, "ipxe.efi", 1, 0));
        observer.served(new dev.ipv6boot.http.ServeEvent(dev.ipv6boot.http.ServeEvent.Protocol.HTTP,
                BootMessages.socket(LEASED), "HEAD", "/ipxe.efi", 200, 0, Instant.EPOCH, Duration.ZERO));
        assertEquals(BootStage.FIRMWARE, observer.machine(MAC_TEXT).orElseThrow().stage());

        observer.served(BootMessages.http(LEASED, "/ubuntu-installer/amd64/initrd.gz", 200, 1));
        BootMessages.answer(observer, BootMessages.installerSolicit(MAC), 2);
        MachineTimeline t = observer.machine(MAC_TEXT).orElseThrow();
        assertEquals(BootStage.INITRD, t.stage(), "the installer's own DHCPv6 is neither firmware nor iPXE");
        assertEquals(1, t.boots());
        assertTrue(t.lastEvent().startsWith("dhcpv6: Solicit -> Advertise, DUID-LL"), t.lastEvent());
        assertTrue(t.events().get(3).detail().contains("error 1"), t.events().get(3).detail());
    }

    @Test
    void requestsFromUnknownAddressesAreCountedApartAndAMacInThePathAttributesThem() {
        observer.served(BootMessages.http("2001:db8::99", "/ipxe.efi", 200, 10));
        observer.queryAnswered(BootMessages.socket("2001:db8::99"), "boot.example.", 28, AnswerSource.CACHE, 0, false);
        observer.queryRejected(BootMessages.socket("2001:db8::98"), DnsCounters.Reason.ACL_REFUSED);
        assertEquals(1, observer.unattributedDownloads());
        assertEquals(2, observer.unattributedDnsQueries());
        assertTrue(observer.machines().isEmpty());

        observer.served(BootMessages.http("2001:db8::99", "/boot/52-54-00-AB-CD-EF.ipxe", 200, 10));
        observer.queryRejected(BootMessages.socket("2001:db8::99"), DnsCounters.Reason.ACL_REFUSED);
        MachineTimeline t = observer.machine("52:54:00:ab:cd:ef").orElseThrow();
        assertEquals(BootStage.SCRIPT, t.stage());
        assertEquals(1, t.dnsRejected(), "the address is now known to be that machine's");
        assertNull(t.hostname());
    }

    @Test
    void eventsFromSeveralEventLoopsAtOnceAreAllCounted() throws Exception {
        bindLease();
        int threads = 4;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        observer.queryAnswered(BootMessages.socket(LEASED), "x.", 1, AnswerSource.CACHE, 0, false);
                        if (i % 1000 == 0) {
                            observer.served(BootMessages.http("fe80::ff:fe00:" + (id + 1), "/ipxe.efi", 200, 1));
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals((long) threads * perThread, observer.machine(MAC_TEXT).orElseThrow().dnsQueries());
        assertEquals(threads + 1, observer.machines().size());
    }
}
