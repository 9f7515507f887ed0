package io.hotswap.protocol;

import java.util.Objects;

/**
 * One request to a management endpoint: {@code {"command":"status"}} on the wire, and
 * {@code {"command":"reload","force":true}} for a forced reload.
 *
 * @param command what is asked
 * @param force   for {@link Command#RELOAD}: load also the files an automatic rollback rejected
 *                (since 0.3; absent on the wire means false)
 * @since 0.2
 */
public record Request(Command command, boolean force) {

    public Request {
        Objects.requireNonNull(command, "command");
        if (force && command != Command.RELOAD) {
            throw new IllegalArgumentException("only a reload can be forced, not " + command.wireName());
        }
    }

    /** A request that forces nothing. */
    public Request(Command command) {
        this(command, false);
    }
}
