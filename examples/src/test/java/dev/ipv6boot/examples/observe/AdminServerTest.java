package dev.ipv6boot.examples.observe;

import dev.ipv6boot.examples.config.Addresses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipv6boot.examples.config.AdminConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminServerTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final BootObserver observer = BootObserver.builder().clock(clock).hostname(BootMessages.MAC_TEXT, "alpha")
            .build();
    private final ServerMetrics metrics = new ServerMetrics(observer);
    private AdminServer admin;
    private HttpClient client;
    private String base;

    @BeforeEach
    void start() throws Exception {
        BootMessages.answer(observer, BootMessages.capturedEdk2Solicit(), 2);
        observer.served(BootMessages.http("fe80::ff:fe00:a", "/ipxe.efi", 200, 1000));
        observer.served(BootMessages.http("fe80::ff:fe00:a", "/preseed/a.cfg", 200, 1000));
        clock.advance(Duration.ofMinutes(20));
        admin = AdminServer.start(new AdminConfig(List.of("[::1]:0"), 15), observer, metrics);
        client = HttpClient.newHttpClient();
        base = "http://" + Addresses.format(admin.localAddresses().getFirst());
    }

    @AfterEach
    void stop() {
        client.close();
        admin.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void statusIsEveryMachinesTimelineAsJson() throws Exception {
        HttpResponse<String> response = get("/status");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertEquals("2026-11-26T10:20:00Z", json.get("generatedAt").asText());
        assertEquals(900, json.get("stuckAfterSeconds").asLong());
        JsonNode machines = json.get("machines");
        assertEquals(2, machines.size());
        JsonNode finished = machines.get(0);
        assertEquals("02:00:00:00:00:0a", finished.get("mac").asText());
        assertEquals("ANSWERS", finished.get("stage").asText());
        assertFalse(finished.get("stuck").asBoolean());
        JsonNode firmware = machines.get(1);
        assertEquals(BootMessages.MAC_TEXT, firmware.get("mac").asText());
        assertEquals("alpha", firmware.get("hostname").asText());
        assertEquals("FIRMWARE", firmware.get("stage").asText());
        assertTrue(firmware.get("stuck").asBoolean(), "20 minutes at the firmware stage");
        assertEquals("DHCPV6", firmware.get("events").get(0).get("kind").asText());
        assertEquals("2026-11-26T10:00:00Z", firmware.get("events").get(0).get("at").asText());

        StatusReport back = StatusJson.read(response.body().getBytes());
        assertEquals(StatusReport.of(observer, metrics), back, "the JSON reads back into the same report");
    }

    @Test
    void metricsAreThePrometheusTextFormatAndNothingElseIsServed() throws Exception {
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("content-type").orElseThrow());
        Scrape s = new Scrape(response.body());
        assertEquals(1, s.value("ipv6boot_machines_stuck", "stage", "firmware"));
        assertEquals(1, s.value("ipv6boot_machines", "stage", "answers"));

        assertEquals(403, get("/").statusCode(), "the empty root is a directory, never listed");
        assertEquals(404, get("/status/extra").statusCode());
    }
}
