package io.hotswap.runtime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A load or reload in progress, as {@link SwapperStatus#reloading()} shows it: since when, and the
 * step it is at, with the plugin whose step it is.
 *
 * @param since  when it started
 * @param plugin the plugin whose step runs, if the step is about one plugin
 * @param step   the step running now
 * @param stepSince when that step started
 * @since 0.2
 */
public record ReloadProgress(Instant since, Optional<String> plugin, ReloadStep step, Instant stepSince) {

    public ReloadProgress {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(stepSince, "stepSince");
    }

    /** {@code since 10:31:02: acc.hang at step onLoad()}. */
    @Override
    public String toString() {
        return "since " + since + ": " + plugin.map(p -> p + " at step ").orElse("at step ") + step.label();
    }
}
