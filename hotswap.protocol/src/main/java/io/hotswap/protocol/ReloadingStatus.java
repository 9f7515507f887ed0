package io.hotswap.protocol;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A load or reload running in a host now, as {@code hotswap status} shows it.
 *
 * @param since     when it started
 * @param plugin    the plugin whose step runs, if the step is about one plugin
 * @param step      the step running now, as the runtime labels it ({@code onLoad()}, {@code define layer})
 * @param stepSince when that step started
 * @since 0.2
 */
public record ReloadingStatus(Instant since, Optional<String> plugin, String step, Instant stepSince) {

    public ReloadingStatus {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(stepSince, "stepSince");
    }
}
