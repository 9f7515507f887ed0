package io.hotswap.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin file that an automatic rollback rejected: reloads (and the file watch) skip it, with a
 * warning, until the plugin's file has other bytes; {@link Swapper#forceReload} loads it anyway.
 *
 * @param plugin the plugin's name
 * @param sha256 the rejected file's hex SHA-256
 * @param file   where it was read from
 * @param since  when it was rejected
 * @param reason the failed rule, with its figures
 * @since 0.3
 */
public record RejectedFile(String plugin, String sha256, Optional<Path> file, Instant since, String reason) {

    public RejectedFile {
        Objects.requireNonNull(plugin, "plugin");
        if (sha256.length() != 64) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits, was '" + sha256 + "'");
        }
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(reason, "reason");
    }
}
