package io.hotswap.protocol;

import java.util.Objects;

/**
 * One request to a management endpoint: {@code {"command":"status"}} on the wire.
 *
 * @param command what is asked
 * @since 0.2
 */
public record Request(Command command) {

    public Request {
        Objects.requireNonNull(command, "command");
    }
}
