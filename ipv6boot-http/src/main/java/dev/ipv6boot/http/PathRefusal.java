package dev.ipv6boot.http;

/**
 * Why a requested path was not served. HTTP answers with {@link #httpStatus()}; TFTP answers with
 * {@link #tftpErrorCode()} (RFC 1350 §5: 1 file not found, 2 access violation).
 */
public enum PathRefusal {
    /** Not a usable path: empty, too long, too many segments, a bad percent escape, not origin form. */
    MALFORMED(400, 2),
    /** A {@code .} or {@code ..} segment or a backslash: an attempt to leave the directory it names. */
    TRAVERSAL(400, 2),
    /** A {@code %} left after one decoding: a double-encoded path, never a real file name here. */
    DOUBLE_ENCODED(400, 2),
    /** NUL or another control character, which C code behind a file name would cut or misread. */
    CONTROL_CHARACTER(400, 2),
    /** A segment starting with a dot ({@code .git}, {@code .htpasswd}): hidden as if absent. */
    DOT_FILE(404, 1),
    /** A symbolic link that the root's {@link SymlinkPolicy} does not follow. */
    SYMLINK(403, 2),
    /** A directory, device, socket or pipe: only regular files are served. */
    NOT_A_FILE(403, 2),
    /** Nothing at that path. */
    NOT_FOUND(404, 1),
    /** The file exists but cannot be read. */
    UNREADABLE(403, 2);

    private final int httpStatus;
    private final int tftpErrorCode;

    PathRefusal(int httpStatus, int tftpErrorCode) {
        this.httpStatus = httpStatus;
        this.tftpErrorCode = tftpErrorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int tftpErrorCode() {
        return tftpErrorCode;
    }
}
