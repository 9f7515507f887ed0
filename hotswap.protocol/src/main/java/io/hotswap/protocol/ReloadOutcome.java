package io.hotswap.protocol;

/**
 * What a reload did with one plugin, on the wire by its constant's name ({@code NOT_RELOADABLE}).
 *
 * @since 0.2
 */
public enum ReloadOutcome {
    /** A new version got a new layer and its hooks ran. */
    OK,
    /** Same bytes and same dependencies: carried over, no hook ran. */
    UNCHANGED,
    /** The running version said {@code reloadable() == false}: carried over. */
    NOT_RELOADABLE,
    /** A dependency got a new layer: a new layer on top of it, hooks ran. */
    RELINKED,
    /** A file an automatic rollback rejected, still unchanged: not loaded (since 0.3; {@code --force} loads it). */
    SKIPPED,
    /** Its jar is gone: dropped from the new generation. */
    REMOVED
}
