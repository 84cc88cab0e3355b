package dev.ipv6boot.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The directory both servers serve from, and the one place that turns a client's path into a file. Every
 * request path goes through {@link #resolve(String)}, which refuses anything that could name a file outside
 * the root: dot segments, backslashes, control characters, dot-files, and symbolic links leaving the root
 * (by {@link SymlinkPolicy}). Paths are checked lexically first, then against the real, link-free path of
 * the file, so a link planted inside the root cannot lead out of it.
 *
 * <pre>{@code
 * ArtifactRoot root = ArtifactRoot.of(Path.of("/srv/tftp"));   // the seed's DocumentRoot
 * if (root.resolve("/ipxe.efi") instanceof ArtifactRoot.Found found) {
 *     ...                                          // found.file() is the real path to open
 * }                                                // else ArtifactRoot.Refused: reason().httpStatus()
 * }</pre>
 */
public final class ArtifactRoot {
    /** Longest path accepted, in characters; Linux's PATH_MAX is 4096 bytes. */
    public static final int MAX_PATH_LENGTH = 1024;
    /** Most segments accepted, so a path of a thousand slashes costs nothing. */
    public static final int MAX_SEGMENTS = 32;

    private final Path directory;
    private final Path realDirectory;
    private final SymlinkPolicy symlinks;
    private final boolean dotFiles;

    private ArtifactRoot(Path directory, Path realDirectory, SymlinkPolicy symlinks, boolean dotFiles) {
        this.directory = directory;
        this.realDirectory = realDirectory;
        this.symlinks = symlinks;
        this.dotFiles = dotFiles;
    }

    /** A root with the safe defaults: links only within the root, no dot-files. */
    public static ArtifactRoot of(Path directory) throws IOException {
        return of(directory, SymlinkPolicy.WITHIN_ROOT, false);
    }

    /**
     * A root with explicit rules.
     *
     * @throws IOException when {@code directory} is not an existing directory
     */
    public static ArtifactRoot of(Path directory, SymlinkPolicy symlinks, boolean serveDotFiles) throws IOException {
        Objects.requireNonNull(symlinks, "symlinks");
        Path absolute = directory.toAbsolutePath().normalize();
        Path real = absolute.toRealPath();
        if (!Files.isDirectory(real)) {
            throw new IOException("not a directory: " + directory);
        }
        return new ArtifactRoot(absolute, real, symlinks, serveDotFiles);
    }

    /** The root as configured (absolute). */
    public Path directory() {
        return directory;
    }

    /** The outcome of {@link #resolve(String)}. */
    public sealed interface Resolution permits Found, Refused {
    }

    /**
     * A regular file inside the root (whether it can be read shows when it is opened).
     *
     * @param file          the real path (links resolved): open this, not the requested name
     * @param size          bytes
     * @param lastModified  modification time, milliseconds since the epoch
     */
    public record Found(Path file, long size, long lastModified) implements Resolution {
    }

    /** The path is not served, and why. */
    public record Refused(PathRefusal reason) implements Resolution {
    }

    private static final Refused MALFORMED = new Refused(PathRefusal.MALFORMED);
    private static final Refused TRAVERSAL = new Refused(PathRefusal.TRAVERSAL);
    private static final Refused DOUBLE_ENCODED = new Refused(PathRefusal.DOUBLE_ENCODED);
    private static final Refused CONTROL = new Refused(PathRefusal.CONTROL_CHARACTER);
    private static final Refused DOT_FILE = new Refused(PathRefusal.DOT_FILE);
    private static final Refused SYMLINK = new Refused(PathRefusal.SYMLINK);
    private static final Refused NOT_A_FILE = new Refused(PathRefusal.NOT_A_FILE);
    private static final Refused NOT_FOUND = new Refused(PathRefusal.NOT_FOUND);
    private static final Refused UNREADABLE = new Refused(PathRefusal.UNREADABLE);

    /**
     * Resolves an already-decoded path ({@code /boot/ipxe.efi}, or {@code ipxe.efi} from TFTP; a leading slash
     * is optional and repeated slashes collapse, so {@code //etc/passwd} is {@code etc/passwd} under the root).
     * Does file-system metadata calls (stat, realpath), never reads the file.
     */
    public Resolution resolve(String path) {
        Refused lexical = checkLexically(path);
        if (lexical != null) {
            return lexical;
        }
        Path requested = directory;
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                requested = requested.resolve(segment);
            }
        }
        if (requested.equals(directory)) {
            return NOT_A_FILE;
        }
        Path real;
        try {
            real = requested.toRealPath();
        } catch (NoSuchFileException e) {
            return NOT_FOUND;
        } catch (IOException | SecurityException e) {
            return UNREADABLE;
        }
        if (!real.startsWith(realDirectory)) {
            // Only a link can lead out once the lexical check passed.
            if (symlinks != SymlinkPolicy.ANYWHERE) {
                return SYMLINK;
            }
        } else if (symlinks == SymlinkPolicy.NEVER
                && !realDirectory.resolve(directory.relativize(requested)).equals(real)) {
            return SYMLINK;
        }
        if (!dotFiles && real.startsWith(realDirectory) && hasDotSegment(realDirectory.relativize(real))) {
            // A link inside the root pointing at a dot-file is still a dot-file.
            return DOT_FILE;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return NOT_FOUND;
        } catch (IOException | SecurityException e) {
            return UNREADABLE;
        }
        if (!attributes.isRegularFile()) {
            return NOT_A_FILE;
        }
        // Readability is left to the open that follows (one system call fewer per request).
        return new Found(real, attributes.size(), attributes.lastModifiedTime().toMillis());
    }

    private Refused checkLexically(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_PATH_LENGTH) {
            return MALFORMED;
        }
        int segments = 0;
        int segmentStart = 0;
        for (int i = 0; i <= path.length(); i++) {
            char c = i < path.length() ? path.charAt(i) : '/';
            if (c < 0x20 || c == 0x7f) {
                return CONTROL;
            }
            if (c == '\\') {
                return TRAVERSAL;
            }
            if (c == '%') {
                return DOUBLE_ENCODED;
            }
            if (c == '/') {
                int length = i - segmentStart;
                if (length > 0) {
                    if (++segments > MAX_SEGMENTS) {
                        return MALFORMED;
                    }
                    if (path.charAt(segmentStart) == '.') {
                        if (length == 1 || (length == 2 && path.charAt(segmentStart + 1) == '.')) {
                            return TRAVERSAL;
                        }
                        if (!dotFiles) {
                            return DOT_FILE;
                        }
                    }
                }
                segmentStart = i + 1;
            }
        }
        return null;
    }

    private static boolean hasDotSegment(Path relative) {
        for (Path segment : relative) {
            if (segment.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ArtifactRoot[" + directory + ", symlinks " + symlinks + (dotFiles ? ", dot-files" : "") + "]";
    }
}
