package io.hotswap.protocol;

import java.util.List;

/**
 * The answer to {@link Command#LEAKS}.
 *
 * @param paths what holds each leaked version; empty when nothing leaked
 * @since 0.2
 */
public record LeaksReply(List<LeakPathStatus> paths) implements Reply {

    public LeaksReply {
        paths = List.copyOf(paths);
    }
}
