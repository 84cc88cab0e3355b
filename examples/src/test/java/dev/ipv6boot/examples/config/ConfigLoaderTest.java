package dev.ipv6boot.examples.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void readsTheSeedDeploymentExample() throws Exception {
        Ipv6bootConfig config = ConfigLoader.load(Path.of("config/seed-deployment.yaml"));
        assertEquals("2001:db8::1", config.site().address());
        assertTrue(config.ra().otherConfig());
        assertFalse(config.ra().managed());
        assertEquals(4, config.dhcp6().rules().size());
        assertEquals("member('IPXE')", config.dhcp6().rules().get(0).when());
        assertEquals("eth1", config.dhcp6().subnets().get(0).interfaceName());
        assertEquals("allow", config.dns().accessControl().get("2001:db8::/32"));
        assertEquals("ubuntu1404", config.machines().get(0).profile());
    }

    @Test
    void emptyFileIsAllDefaults() throws Exception {
        Ipv6bootConfig config = ConfigLoader.parse("", "empty.yaml");
        assertTrue(config.dhcp6().enabled());
        assertEquals("[::1]:9547", config.admin().listen().get(0));
    }

    @Test
    void unknownKeyNamesLineColumnAndTheAllowedKeys() {
        String text = "ra:\n  managed: true\n  other-confg: true\n";
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(text, "boot.yaml"));
        ConfigProblem problem = e.problems().get(0);
        assertEquals(3, problem.line());
        assertEquals(3, problem.column());
        assertTrue(problem.message().contains("unknown key 'other-confg'"), problem.message());
        assertTrue(problem.message().contains("other-config"), problem.message());
        assertTrue(problem.format("boot.yaml").startsWith("boot.yaml:3:3: error: "), problem.format("boot.yaml"));
    }

    @Test
    void wrongTypeNamesItsPlace() {
        String text = "dhcp6:\n  rate-per-client: fast\n";
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(text, "boot.yaml"));
        assertEquals(2, e.problems().get(0).line());
        assertEquals("dhcp6.rate-per-client", e.problems().get(0).path());
    }

    @Test
    void locatesPathsForLaterProblems() {
        String text = "dhcp6:\n  subnets:\n    - prefix: 2001:db8::/64\n      pools:\n        - a\n        - b\n";
        int[] at = YamlLocations.of(text).lineAndColumn("dhcp6.subnets[0].pools[1]");
        assertEquals(6, at[0]);
        assertEquals(11, at[1]);
    }
}
