package io.hotswap.protocol;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A host that exposes a management endpoint, as described by its sidecar file.
 *
 * @param name      the swapper's name
 * @param pid       the host's process id
 * @param pluginDir the plugin directory it reads
 * @param socket    its socket file
 * @param started   when the process started, as {@link ProcessHandle.Info#startInstant()} printed
 *                  it; tells a live host from a dead one whose pid was reused
 * @since 0.2
 */
public record HostEntry(String name, long pid, Path pluginDir, Path socket, Optional<String> started) {

    public HostEntry {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(pluginDir, "pluginDir");
        java.util.Objects.requireNonNull(socket, "socket");
        java.util.Objects.requireNonNull(started, "started");
    }

    /** Whether the process that wrote this entry is still running. */
    public boolean alive() {
        // No lambdas and no DateTimeFormatter: `hotswap reload` checks its host with this at start.
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        if (started.isEmpty()) {
            return true;
        }
        Optional<java.time.Instant> now = process.get().info().startInstant();
        return now.isEmpty() || started.get().equals(IsoInstant.print(now.get()));
    }
}
