package dev.ipv6boot.testkit.peer;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test (class or method) that runs a real peer program. Run the unit suite alone with
 * {@code ./mvnw verify -DexcludedGroups=peer}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(PeerTest.TAG)
public @interface PeerTest {
    String TAG = "peer";
}
