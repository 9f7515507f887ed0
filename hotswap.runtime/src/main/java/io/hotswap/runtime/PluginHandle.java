package io.hotswap.runtime;

import io.hotswap.api.Plugin;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A plugin as seen through one generation. Calls through a handle hold its generation, like
 * {@link Generation#invokeEach}.
 *
 * @since 0.1
 */
public final class PluginHandle {

    private final Generation generation;
    private final LoadedPlugin loaded;

    PluginHandle(Generation generation, LoadedPlugin loaded) {
        this.generation = generation;
        this.loaded = loaded;
    }

    /** The plugin's name: its module name. */
    public String name() {
        return loaded.name();
    }

    /** The descriptor version, if stamped, then the short SHA-256 of the jar. */
    public String version() {
        return info().version();
    }

    /** The full hex SHA-256 of the jar (of the bundle, libraries included): the version's identity. */
    public String sha256() {
        return loaded.sha256();
    }

    /** The jar it was read from; empty for a statically linked plugin from an exploded module. */
    public Optional<Path> file() {
        return info().file();
    }

    /** When this version's layer was defined. */
    public Instant loadedAt() {
        return info().loadedAt();
    }

    /** Everything the status reports about this version. */
    public PluginInfo info() {
        return loaded.info();
    }

    /**
     * Calls the plugin's {@code invokeFunc}; what it throws comes through unchanged.
     *
     * @throws IllegalStateException if the generation was already freed
     */
    public Object invokeFunc(String name, Object... params) throws Exception {
        generation.enter();
        generation.gate().count(1);
        try {
            return loaded.plugin().invokeFunc(name, params);
        } catch (Throwable t) {
            generation.gate().failed(loaded.name());
            throw t;
        } finally {
            generation.exit();
        }
    }

    /**
     * The plugin object itself, for hosts that know its type. A reference kept beyond the
     * generation pins this version in memory, and the leak watch will say so.
     */
    public Plugin plugin() {
        return loaded.plugin();
    }

    LoadedPlugin loaded() {
        return loaded;
    }

    @Override
    public String toString() {
        return name() + " " + version();
    }
}
