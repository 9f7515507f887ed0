package io.hotswap.protocol;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin file an automatic rollback rejected: the host's reloads skip it until it changes,
 * {@code hotswap reload --force} loads it.
 *
 * @param plugin the plugin's name
 * @param sha256 the rejected file's hex SHA-256
 * @param file   where it was read from
 * @param since  when it was rejected
 * @param reason the failed rule, with its figures
 * @since 0.3
 */
public record RejectedStatus(String plugin, String sha256, Optional<String> file, Instant since, String reason) {

    public RejectedStatus {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(since, "since");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a rejected file's reason must say why");
        }
    }
}
