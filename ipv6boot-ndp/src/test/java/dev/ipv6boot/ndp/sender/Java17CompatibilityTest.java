package dev.ipv6boot.ndp.sender;

import dev.ipv6boot.testkit.peer.Command;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The module promises to load on Java 17; this runs it on one, when the machine has a JDK 17 installed. */
class Java17CompatibilityTest {

    @Test
    void theCodecRunsOnJava17AndTheAdvertiserSaysItNeedsJava22() {
        Optional<Path> java17 = findJava17();
        assumeTrue(java17.isPresent(), "no Java 17 runtime under /usr/lib/jvm");
        Command.Result result = Command.run(Duration.ofSeconds(60), java17.get().toString(), "-cp",
                System.getProperty("java.class.path"), Java17Probe.class.getName());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("codec round trip: true"), result.output());
        assertTrue(result.output().contains("advertiser: raw ICMPv6 needs Java 22+"), result.output());
    }

    private static Optional<Path> findJava17() {
        File[] jvms = new File("/usr/lib/jvm").listFiles();
        if (jvms == null) {
            return Optional.empty();
        }
        return Arrays.stream(jvms).filter(f -> f.getName().contains("17"))
                .map(f -> f.toPath().resolve("bin/java")).filter(Files::isExecutable).findFirst();
    }
}
