package dev.ipv6boot.http;

/** Which symbolic links under an {@link ArtifactRoot} are followed. */
public enum SymlinkPolicy {
    /** Follow links whose target lies inside the root (the default: distribution trees use such links). */
    WITHIN_ROOT,
    /** Refuse any path that passes through a symbolic link. */
    NEVER,
    /** Follow every link, even out of the root: only for roots whose links an operator placed on purpose. */
    ANYWHERE
}
