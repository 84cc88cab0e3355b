package dev.ipv6boot.preseed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.preseed.di.Preseed;
import dev.ipv6boot.testkit.peer.Command;
import dev.ipv6boot.testkit.peer.PeerTest;
import dev.ipv6boot.testkit.peer.Peers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's own {@code debconf-set-selections --checkonly} (package debconf) reads every preseed we generate
 * without a warning, and agrees with our validator about which lines of the seed's preseed it skips.
 */
@PeerTest
class DebconfSetSelectionsPeerTest {
    @TempDir
    Path dir;

    private Command.Result checkonly(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return Command.run(Duration.ofSeconds(30), "debconf-set-selections", "--checkonly", file.toString());
    }

    @Test
    void everyGeneratedPreseedPassesCheckonly() throws IOException {
        Peers.require("debconf-set-selections");
        List<Preseed> generated = new ArrayList<>();
        generated.add(SeedProfiles.alpha().preseed());
        generated.add(SeedProfiles.ubuntu1404Preseed());
        for (int n = 1; n <= 5; n++) {
            generated.add(SpecProfiles.node(n, SpecProfiles.debian()).preseed());
        }
        for (int i = 0; i < generated.size(); i++) {
            Command.Result r = checkonly("generated-" + i + ".cfg", generated.get(i).render());
            assertEquals(0, r.exitCode(), r::output);
            assertEquals("", r.output().strip(), "debconf-set-selections warned about:\n" + generated.get(i).render());
        }
    }

    @Test
    void debconfSkipsTheSameSeedLinesOurValidatorReportsAsSkipped() throws IOException {
        Peers.require("debconf-set-selections");
        String seed = Resources.text("/seed/ubuntu1404.cfg");
        Command.Result r = checkonly("ubuntu1404.cfg", seed);
        List<Integer> theirs = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            int at = line.indexOf("skipping line ");
            if (at >= 0) {
                theirs.add(Integer.parseInt(line.substring(at + "skipping line ".length()).strip()));
            }
        }
        List<Integer> ours = Preseed.parse(seed, "ubuntu1404.cfg").validation().problems().stream()
                .filter(p -> List.of("missing-type", "unknown-type", "extra-word").contains(p.code()))
                .map(p -> p.line()).toList();
        assertEquals(List.of(5, 29), theirs, r::output);
        assertEquals(theirs, ours);
        assertTrue(r.output().contains("Unknown type debconf/frontend"), r::output);
    }
}
