package io.hotswap.protocol;

import java.util.Objects;

/**
 * The answer to a {@link Command#RELOAD} that succeeded.
 *
 * @param details what the reload did
 * @since 0.2
 */
public record ReloadReply(ReloadResult details) implements Reply {

    public ReloadReply {
        Objects.requireNonNull(details, "details");
    }
}
