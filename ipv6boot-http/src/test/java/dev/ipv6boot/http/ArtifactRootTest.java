package dev.ipv6boot.http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArtifactRootTest {
    @TempDir
    Path temp;
    Path rootDir;
    ArtifactRoot root;

    @BeforeEach
    void files() throws IOException {
        rootDir = Files.createDirectories(temp.resolve("root"));
        Files.writeString(temp.resolve("secret.txt"), "outside");
        Files.writeString(rootDir.resolve("ipxe.efi"), "efi");
        Files.createDirectories(rootDir.resolve("ubuntu/casper"));
        Files.writeString(rootDir.resolve("ubuntu/casper/vmlinuz"), "kernel");
        Files.writeString(rootDir.resolve(".htpasswd"), "hidden");
        Files.createDirectories(rootDir.resolve(".git"));
        Files.writeString(rootDir.resolve(".git/config"), "hidden");
        Files.createSymbolicLink(rootDir.resolve("escape"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(rootDir.resolve("escape-dir"), temp);
        Files.createSymbolicLink(rootDir.resolve("kernel"), rootDir.resolve("ubuntu/casper/vmlinuz"));
        Files.createSymbolicLink(rootDir.resolve("to-dot"), rootDir.resolve(".htpasswd"));
        root = ArtifactRoot.of(rootDir);
    }

    @ParameterizedTest
    @CsvSource({
            "/ipxe.efi, ipxe.efi",
            "ipxe.efi, ipxe.efi",
            "//ipxe.efi, ipxe.efi",
            "/ubuntu//casper/vmlinuz, ubuntu/casper/vmlinuz",
            "/kernel, ubuntu/casper/vmlinuz",
    })
    void servesFilesInsideTheRoot(String path, String expected) throws IOException {
        ArtifactRoot.Found found = assertInstanceOf(ArtifactRoot.Found.class, root.resolve(path));
        assertEquals(rootDir.resolve(expected).toRealPath(), found.file());
        assertEquals(Files.size(found.file()), found.size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/../secret.txt | TRAVERSAL",
            "/ubuntu/../../secret.txt | TRAVERSAL",
            "/ubuntu/./casper/vmlinuz | TRAVERSAL",
            "/.. | TRAVERSAL",
            "..\\secret.txt | TRAVERSAL",
            "/ubuntu\\..\\..\\secret.txt | TRAVERSAL",
            "/%2e%2e/secret.txt | DOUBLE_ENCODED",
            "/.htpasswd | DOT_FILE",
            "/.git/config | DOT_FILE",
            "/to-dot | DOT_FILE",
            "/escape | SYMLINK",
            "/escape-dir/secret.txt | SYMLINK",
            "/ubuntu | NOT_A_FILE",
            "/ | NOT_A_FILE",
            "/missing.efi | NOT_FOUND",
    })
    void refusesPathsThatLeaveOrHide(String path, PathRefusal reason) {
        assertEquals(new ArtifactRoot.Refused(reason), root.resolve(path));
    }

    @Test
    void refusesControlCharactersIncludingNul() {
        assertEquals(PathRefusal.CONTROL_CHARACTER, refusal("/ipxe.efi\u0000.txt"));
        assertEquals(PathRefusal.CONTROL_CHARACTER, refusal("/ipxe.efi\n"));
        assertEquals(PathRefusal.CONTROL_CHARACTER, refusal("/ipxe\u007f.efi"));
    }

    @Test
    void refusesOverlongPathsAndTooManySegments() {
        assertEquals(PathRefusal.MALFORMED, refusal("/" + "a".repeat(ArtifactRoot.MAX_PATH_LENGTH)));
        assertEquals(PathRefusal.MALFORMED, refusal("/a".repeat(ArtifactRoot.MAX_SEGMENTS + 1)));
        assertEquals(PathRefusal.MALFORMED, refusal(""));
    }

    @Test
    void followsNoLinkAtAllWhenToldNever() throws IOException {
        ArtifactRoot strict = ArtifactRoot.of(rootDir, SymlinkPolicy.NEVER, false);
        assertEquals(new ArtifactRoot.Refused(PathRefusal.SYMLINK), strict.resolve("/kernel"));
        assertInstanceOf(ArtifactRoot.Found.class, strict.resolve("/ubuntu/casper/vmlinuz"));
    }

    @Test
    void followsLinksOutOnlyWhenToldAnywhere() throws IOException {
        ArtifactRoot open = ArtifactRoot.of(rootDir, SymlinkPolicy.ANYWHERE, false);
        assertInstanceOf(ArtifactRoot.Found.class, open.resolve("/escape"));
        assertEquals(new ArtifactRoot.Refused(PathRefusal.TRAVERSAL), open.resolve("/../secret.txt"));
    }

    @Test
    void servesDotFilesOnlyWhenAllowed() throws IOException {
        ArtifactRoot dotted = ArtifactRoot.of(rootDir, SymlinkPolicy.WITHIN_ROOT, true);
        assertInstanceOf(ArtifactRoot.Found.class, dotted.resolve("/.git/config"));
        assertEquals(new ArtifactRoot.Refused(PathRefusal.TRAVERSAL), dotted.resolve("/.."));
    }

    @Test
    void aRootMustBeAnExistingDirectory() {
        assertThrows(IOException.class, () -> ArtifactRoot.of(rootDir.resolve("ipxe.efi")));
        assertThrows(IOException.class, () -> ArtifactRoot.of(temp.resolve("nowhere")));
    }

    private PathRefusal refusal(String path) {
        return assertInstanceOf(ArtifactRoot.Refused.class, root.resolve(path)).reason();
    }
}
