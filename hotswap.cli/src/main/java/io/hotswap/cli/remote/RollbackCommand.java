package io.hotswap.cli.remote;

import io.hotswap.cli.command.DebugOption;
import io.hotswap.cli.command.ExitCode;
import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.ProbationEnd;
import io.hotswap.protocol.Reply;
import io.hotswap.protocol.RollbackReply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hotswap rollback}: makes the generation a running host keeps on probation current again. */
@Command(name = "rollback", description = {"Makes the generation that a running host keeps on probation current again,"
        + " in one step and without running a hook; the generation rolled back from is freed as any replaced one.",
        "Exits 1 with the reason if no generation is on probation (probation off, or its time passed)."})
public final class RollbackCommand implements Callable<Integer> {

    // A rollback waits for a reload that holds the host's lock, at most the host's reloadWait.
    private static final Duration ROLLBACK_TIMEOUT = Duration.ofSeconds(120);

    @Spec
    CommandSpec spec;

    @Mixin
    HostSelection selection;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() {
        Path socket = selection.socket();
        Reply reply = Replies.ask(socket, io.hotswap.protocol.Command.ROLLBACK, ROLLBACK_TIMEOUT);
        if (reply instanceof ErrorReply failed) {
            spec.commandLine().getErr().println("rollback failed: " + failed.error());
            return ExitCode.FAILED;
        }
        ProbationEnd o = Replies.expect(reply, RollbackReply.class, io.hotswap.protocol.Command.ROLLBACK, socket).outcome();
        spec.commandLine().getOut().println("rolled back: generation " + o.kept() + " is current again (from generation "
                + o.generation() + ", " + o.failures() + " of " + o.calls() + " calls had failed)");
        return ExitCode.OK;
    }
}
