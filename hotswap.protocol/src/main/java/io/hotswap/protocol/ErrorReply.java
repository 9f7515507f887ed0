package io.hotswap.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * A request that failed: a reload that failed (with the plugin and the step, when the runtime
 * knows them), or a request the endpoint refused (malformed, oversized, unknown, busy, another
 * user).
 *
 * @param error  what went wrong, for people; never a Java type name
 * @param plugin the plugin the failed reload names
 * @param step   the step of the reload that failed, as the runtime labels it ({@code onLoad()})
 * @since 0.2
 */
public record ErrorReply(String error, Optional<String> plugin, Optional<String> step) implements Reply {

    public ErrorReply {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(step, "step");
    }

    /** A refused request: a message and no plugin or step. */
    public static ErrorReply of(String error) {
        return new ErrorReply(error, Optional.empty(), Optional.empty());
    }
}
