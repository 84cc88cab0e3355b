package dev.ipv6boot.http;

/** What {@link ArtifactServer} counts: requests by outcome, refusals by reason, connections and bytes. */
public enum HttpCounter {
    /** Connections accepted. */
    CONNECTIONS,
    /** Connections closed at once because {@link HttpLimits#maxConnections()} were open. */
    CONNECTIONS_REFUSED,
    /** Connections closed because the client sent nothing or read nothing for too long. */
    IDLE_TIMEOUTS,
    /** Requests whose head did not arrive within {@link HttpLimits#requestHeadTimeout()}. */
    REQUEST_HEAD_TIMEOUTS,
    /** Requests received (any outcome). */
    REQUESTS,
    /** 200 with a whole file. */
    FILES_SERVED,
    /** 206 with one range of a file. */
    RANGES_SERVED,
    /** 304: the client's copy is current. */
    NOT_MODIFIED,
    /** 412: If-Match or If-Unmodified-Since failed. */
    PRECONDITION_FAILED,
    /** 416: the range lies outside the file. */
    RANGE_NOT_SATISFIABLE,
    /** Answered by a registered dynamic handler. */
    DYNAMIC,
    /** A dynamic handler threw or returned nothing usable: 500. */
    HANDLER_FAILURES,
    /** 503 + Retry-After: the global limit of large downloads was reached. */
    ADMISSION_REFUSED_GLOBAL,
    /** 503 + Retry-After: the client's prefix reached its limit of large downloads. */
    ADMISSION_REFUSED_PREFIX,
    /** 400: request line or headers the decoder rejected. */
    MALFORMED_REQUESTS,
    /** 414: request line longer than {@link HttpLimits#maxRequestLineLength()}. */
    REQUEST_LINE_TOO_LONG,
    /** 431: headers larger than {@link HttpLimits#maxHeaderSize()}. */
    HEADERS_TOO_LARGE,
    /** 405: neither GET nor HEAD. */
    METHOD_NOT_ALLOWED,
    /** 400: a path that tried to leave the root ({@code ..}, encoded or not, backslashes). */
    REFUSED_TRAVERSAL,
    /** 400: a path still holding {@code %} after one decoding (double encoding). */
    REFUSED_DOUBLE_ENCODING,
    /** 400: a path with NUL or another control character. */
    REFUSED_CONTROL_CHARACTER,
    /** 400: a request target that is not a valid path (bad escape, not origin form, too long). */
    REFUSED_MALFORMED_PATH,
    /** 404: a dot-file or dot-directory. */
    REFUSED_DOT_FILE,
    /** 403: a symbolic link the {@link SymlinkPolicy} forbids. */
    REFUSED_SYMLINK,
    /** 403: a directory (listing is off) or a device, socket or pipe. */
    REFUSED_NOT_A_FILE,
    /** 404: nothing there. */
    NOT_FOUND,
    /** 403: the file exists but cannot be opened. */
    UNREADABLE,
    /** Body bytes handed to the kernel (files and dynamic content). */
    BODY_BYTES
}
