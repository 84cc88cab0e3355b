package dev.ipv6boot.preseed.autoinstall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ipv6boot.preseed.Resources;
import dev.ipv6boot.preseed.di.CryptedPassword;
import dev.ipv6boot.preseed.net.BootUrl;
import dev.ipv6boot.preseed.net.MacAddress;
import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Generated user-data parsed by an independent YAML reader and validated against Subiquity's own schema
 * (test resource /schemas/autoinstall-schema.json).
 */
public class AutoinstallSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(Resources.text("/schemas/autoinstall-schema.json"));
    static final CryptedPassword HASH = new CryptedPassword(
            "$6$Vq3Gd0w1$a3c3tNwKK/Z6Mfi3e.QQsMgNvrXPGFmQXwDBpPbx2sWumAREwxetkrAHh4gjWCSQ1OtGsKhmszdBlmpNXoNMn0");

    /** The schema's complaints about the autoinstall section of {@code userData}; empty when valid. */
    public static Set<ValidationMessage> schemaErrors(String userData) throws Exception {
        assertTrue(userData.startsWith("#cloud-config\n"), "cloud-init reads user-data as config only with this line");
        JsonNode doc = YAML.readTree(userData);
        return SCHEMA.validate(doc.get("autoinstall"));
    }

    private static Autoinstall.Builder full() {
        return Autoinstall.builder()
                .locale("en_US.UTF-8")
                .keyboard("us", "")
                .timeZone(ZoneId.of("Europe/Amsterdam"))
                .identity("node-1", "ops", HASH)
                .realName("Operations")
                .ssh(List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGxq ops@example.net"), false)
                .bootInterface(MacAddress.parse("52:54:00:12:34:56"))
                .mirror(BootUrl.http("2001:db8::1", "/ubuntu"))
                .storage(Autoinstall.StorageLayout.DIRECT, "/dev/sda")
                .packages(List.of("ceph-common", "chrony"))
                .lateCommand("curtin in-target --target=/target -- systemctl enable chrony");
    }

    @Test
    void fullConfigurationValidatesAgainstSubiquitysSchema() throws Exception {
        Autoinstall a = full().build();
        assertEquals(Set.of(), schemaErrors(a.userData()), a::userData);
        JsonNode doc = YAML.readTree(a.userData()).get("autoinstall");
        assertEquals(1, doc.get("version").asInt());
        assertEquals("52:54:00:12:34:56", doc.at("/network/ethernets/boot/match/macaddress").asText());
        assertFalse(doc.at("/network/ethernets/boot/dhcp4").asBoolean(true), "IPv6 only: no DHCPv4");
        assertTrue(doc.at("/network/ethernets/boot/dhcp6").asBoolean());
        assertEquals("http://[2001:db8::1]/ubuntu", doc.at("/apt/primary/0/uri").asText());
        assertEquals(HASH.hash(), doc.at("/identity/password").asText());
        assertEquals("/dev/sda", doc.at("/storage/layout/match/path").asText());
    }

    @Test
    void minimalConfigurationValidates() throws Exception {
        Autoinstall a = Autoinstall.builder().identity("n", "u", HASH).build();
        assertEquals(Set.of(), schemaErrors(a.userData()), a::userData);
    }

    @Test
    void stringsYamlWouldReadAsSomethingElseComeBackAsTheSameStrings() throws Exception {
        List<String> tricky = List.of("yes", "No", "on", "null", "~", "0755", "1e3", ".5", "a: b", "x #y", "- z",
                "'q'", "\"dq\"", "trailing ", " leading", "tab\there", "new\nline", "back\\slash", "ünï", "*ref",
                "&anchor", "!tag", "%pct", "@at", "`tick`", "{}", "[]", "");
        Autoinstall.Builder b = Autoinstall.builder().identity("n", "u", HASH);
        for (String s : tricky) {
            b.lateCommand(s);
        }
        Autoinstall a = b.build();
        assertEquals(Set.of(), schemaErrors(a.userData()), a::userData);
        JsonNode late = YAML.readTree(a.userData()).at("/autoinstall/late-commands");
        for (int i = 0; i < tricky.size(); i++) {
            assertTrue(late.get(i).isTextual(), tricky.get(i));
            assertEquals(tricky.get(i), late.get(i).asText());
        }
    }

    @Test
    void metaDataNamesTheInstanceAfterTheMac() throws Exception {
        JsonNode meta = YAML.readTree(full().build().metaData());
        assertEquals("iid-52-54-00-12-34-56", meta.get("instance-id").asText());
        assertEquals("node-1", meta.get("local-hostname").asText());
    }

    @Test
    void theSchemaCatchesABrokenDocument() throws Exception {
        // guards against a validator that accepts anything: a wrong type and an unknown key are rejected
        String broken = "#cloud-config\nautoinstall:\n  version: 2\n  identity: {hostname: n, username: u}\n"
                + "  shutdown: sleep\n";
        assertEquals(3, schemaErrors(broken).size(), () -> schemaErrors2(broken));
    }

    private static String schemaErrors2(String s) {
        try {
            return schemaErrors(s).toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void refusesWhatSubiquityWouldReject() {
        assertThrows(InvalidInputException.class, () -> Autoinstall.builder().build());
        assertThrows(InvalidInputException.class, () -> Autoinstall.builder().identity("n.example", "u", HASH));
        assertThrows(InvalidInputException.class, () -> Autoinstall.builder().identity("n", "Root", HASH));
        assertThrows(InvalidInputException.class, () -> Autoinstall.builder().ssh(List.of("not a key"), false));
        assertThrows(InvalidInputException.class, () -> Autoinstall.builder().storage(Autoinstall.StorageLayout.LVM, "sda"));
    }
}
