package io.hotswap.cli.remote;

import io.hotswap.cli.command.CommandException;
import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.HostStatus;
import io.hotswap.protocol.ProbationEnd;
import io.hotswap.protocol.Reply;
import io.hotswap.protocol.StatusReply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits for the end of one generation's probation by asking the host's status now and then: a
 * probation may last longer than any reply should be waited for, and a status is cheap.
 */
final class ProbationWait {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(30);

    private ProbationWait() {
    }

    /**
     * @param deadline when to give up
     * @return how the probation of {@code generation} ended; empty if a later one is reported
     *         before its end was seen (a reload superseded it and its own probation ended too)
     * @throws CommandException if the deadline passes first, or the host fails to answer
     */
    static Optional<ProbationEnd> await(Path socket, long generation, Instant deadline) {
        for (;;) {
            Reply reply = Replies.ask(socket, io.hotswap.protocol.Command.STATUS, STATUS_TIMEOUT);
            if (reply instanceof ErrorReply failed) {
                throw CommandException.failed("status failed while waiting for the probation: " + failed.error());
            }
            HostStatus s = Replies.expect(reply, StatusReply.class, io.hotswap.protocol.Command.STATUS, socket).status();
            Optional<ProbationEnd> last = s.lastProbation();
            if (last.isPresent() && last.get().generation() == generation) {
                return last;
            }
            boolean onTrial = s.probation().filter(p -> p.generation() == generation).isPresent();
            if (!onTrial && last.filter(l -> l.generation() > generation).isPresent()) {
                return Optional.empty();
            }
            if (Instant.now().isAfter(deadline)) {
                throw CommandException.failed("the probation of generation " + generation + " did not end by " + deadline);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CommandException.failed("interrupted while waiting for the probation of generation " + generation);
            }
        }
    }
}
