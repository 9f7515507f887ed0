package io.hotswap.runtime;

/**
 * What a reload did with one plugin.
 *
 * @since 0.1
 */
public enum PluginOutcome {
    /** New or changed: a new layer was defined and its hooks ran. */
    OK,
    /** Same jar and same dependencies: the running layer and object were carried over, no hook ran. */
    UNCHANGED,
    /** The running version answered {@code reloadable() == false}: carried over, no hook ran. */
    NOT_RELOADABLE,
    /** Same jar, but a dependency got a new layer: a new layer on top of it, hooks ran. */
    RELINKED,
    /** Its jar is gone from the plugin directory (or the whitelist): dropped, freed later. */
    REMOVED,
    /**
     * Its file was rejected by an automatic rollback and has not changed since: skipped, the running
     * version carried over (or, if none runs, not loaded); {@link Swapper#forceReload} loads it.
     *
     * @since 0.3
     */
    SKIPPED
}
