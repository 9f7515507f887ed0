package io.hotswap.cli.remote;

import io.hotswap.cli.command.CommandException;
import io.hotswap.protocol.Command;
import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.Reply;
import io.hotswap.protocol.Request;
import io.hotswap.protocol.endpoint.EndpointClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Sends one request and checks the kind of the reply. */
final class Replies {

    private Replies() {
    }

    static Reply ask(Path socket, Command command, Duration timeout) {
        return ask(socket, new Request(command), timeout);
    }

    static Reply ask(Path socket, Request request, Duration timeout) {
        try {
            return EndpointClient.send(socket, request, timeout);
        } catch (IOException e) {
            throw CommandException.failed("cannot talk to the host at " + socket + ": " + e.getMessage(), e);
        }
    }

    /**
     * The reply as the kind {@code command} is answered with; an {@link ErrorReply} is for the
     * caller to handle before.
     *
     * @throws CommandException if the host answered with another kind of reply
     */
    static <T extends Reply> T expect(Reply reply, Class<T> kind, Command command, Path socket) {
        if (!kind.isInstance(reply)) {
            throw CommandException.failed("the host at " + socket + " answered " + command.wireName()
                    + " with a reply of another kind");
        }
        return kind.cast(reply);
    }
}
