package io.hotswap.protocol;

import java.util.Objects;

/**
 * The answer to {@link Command#STATUS}.
 *
 * @param status what the host runs
 * @since 0.2
 */
public record StatusReply(HostStatus status) implements Reply {

    public StatusReply {
        Objects.requireNonNull(status, "status");
    }
}
