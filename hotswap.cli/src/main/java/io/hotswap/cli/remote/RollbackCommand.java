package io.hotswap.cli.remote;

import io.hotswap.cli.command.ExitCode;
import io.hotswap.protocol.ProbationEnd;
import io.hotswap.protocol.RollbackReply;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code hotswap rollback}: makes the generation a running host keeps on probation current again. */
@Command(name = "rollback", description = {"Makes the generation that a running host keeps on probation current again,"
        + " in one step and without running a hook; the generation rolled back from is freed as any replaced one.",
        "Exits 1 with the reason if no generation is on probation (probation off, or its time passed)."},
        footerHeading = "%nExamples:%n",
        footer = {"  hotswap rollback --host hello",
                "      back to the generation the last reload replaced, while it is on probation"})
public final class RollbackCommand extends HostCommand {

    // A rollback waits for a reload that holds the host's lock, at most the host's reloadWait.
    private static final Duration ROLLBACK_TIMEOUT = Duration.ofSeconds(120);

    @Override
    public Integer call() {
        Optional<RollbackReply> reply = ask(io.hotswap.protocol.Command.ROLLBACK, RollbackReply.class, ROLLBACK_TIMEOUT);
        if (reply.isEmpty()) {
            return ExitCode.FAILED;
        }
        ProbationEnd o = reply.get().outcome();
        out().println("rolled back: generation " + o.kept() + " is current again (from generation "
                + o.generation() + ", " + o.failures() + " of " + o.calls() + " calls had failed)");
        return ExitCode.OK;
    }
}
