package io.hotswap.cli.remote;

import io.hotswap.cli.command.CommandException;
import io.hotswap.cli.command.ExitCode;
import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.IsoInstant;
import io.hotswap.protocol.ProbationEnd;
import io.hotswap.protocol.ProbationVerdict;
import io.hotswap.protocol.ReloadOutcome;
import io.hotswap.protocol.ReloadReply;
import io.hotswap.protocol.ReloadResult;
import io.hotswap.protocol.Reply;
import io.hotswap.protocol.Request;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotswap reload}: reloads a running host's plugin directory and prints what happened per plugin. */
@Command(name = "reload", description = {"Reloads the plugin directory of a running host.",
        "Prints the outcome per plugin and exits 0, or prints the error (plugin, step, cause) and exits 1;"
                + " the host then keeps serving its current generation.",
        "With --wait-probation, then waits for the end of the new generation's probation and exits 1 if it was"
                + " rolled back."},
        footerHeading = "%nExamples:%n",
        footer = {"  hotswap reload --host hello",
                "      reload the running host named hello",
                "  hotswap reload --pid 12345 --timeout 300",
                "      one of several hosts of a name, waiting up to 5 minutes",
                "  hotswap reload --host hello --wait-probation",
                "      and wait for the probation's verdict; exit 1 if the host rolled back",
                "  mvn package hotswap:reload -Dhotswap.host=hello",
                "      the same after a Maven build (hotswap-maven-plugin)"})
public final class ReloadCommand extends HostCommand {

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up waiting for the host's answer after this many seconds (the host's own limits,"
                    + " hookTimeout and reloadWait, end a stuck reload before that). Default: ${DEFAULT-VALUE}.")
    long timeoutSeconds;

    @Option(names = "--force", description = "Load also the files that an automatic rollback rejected"
            + " (the host skips them until they change).")
    boolean force;

    @Option(names = "--wait-probation", description = "Wait for the end of the new generation's probation (at most"
            + " its time and --timeout more); exit 1 if it was rolled back.")
    boolean waitProbation;

    @Override
    public Integer call() {
        if (timeoutSeconds <= 0) {
            throw CommandException.usage("--timeout must be a positive number of seconds, was " + timeoutSeconds);
        }
        return reload(selection.socket(), Duration.ofSeconds(timeoutSeconds), force, waitProbation, out(), err());
    }

    /**
     * Asks the host at {@code socket} to reload ({@code force}: the files an automatic rollback
     * rejected too) and prints what it answered; with {@code waitProbation}, then waits for the new
     * generation's probation (at most its time and {@code timeout} more). Returns the exit code.
     * {@link QuickReload} calls it too: no lambda on this path, each would cost the command's start.
     */
    static int reload(Path socket, Duration timeout, boolean force, boolean waitProbation, PrintWriter out,
                      PrintWriter err) {
        Reply reply = Replies.ask(socket, new Request(io.hotswap.protocol.Command.RELOAD, force), timeout);
        if (reply instanceof ErrorReply failed) {
            err.println("reload failed: " + failed.error());
            if (failed.plugin().isPresent()) {
                err.println("  plugin: " + failed.plugin().get());
            }
            if (failed.step().isPresent()) {
                err.println("  step:   " + failed.step().get());
            }
            err.println("the host keeps serving its current generation");
            return ExitCode.FAILED;
        }
        ReloadResult details = Replies.expect(reply, ReloadReply.class, io.hotswap.protocol.Command.RELOAD, socket)
                .details();
        out.println(details.headline());
        for (String line : details.outcomeLines()) {
            out.println("  " + line);
        }
        if (details.outcomes().containsValue(ReloadOutcome.SKIPPED)) {
            out.println("SKIPPED: an automatic rollback rejected that file; change it, or reload with --force");
        }
        if (details.probationUntil().isPresent()) {
            out.println("on probation until " + IsoInstant.print(details.probationUntil().get())
                    + "; hotswap rollback makes the generation before current again");
        }
        if (!waitProbation) {
            return ExitCode.OK;
        }
        if (details.probationUntil().isEmpty()) {
            out.println("no probation to wait for: the host keeps no generation on probation");
            return ExitCode.OK;
        }
        Instant deadline = details.probationUntil().get().plus(timeout);
        Optional<ProbationEnd> end = ProbationWait.await(socket, details.generation(), deadline);
        if (end.isEmpty()) {
            out.println("probation of generation " + details.generation() + " ended by a later reload");
            return ExitCode.OK;
        }
        ProbationEnd o = end.get();
        String figures = " (" + o.failures() + " of " + o.calls() + " calls failed)";
        switch (o.verdict()) {
            case PASSED -> out.println("probation passed: generation " + o.generation() + " stays" + figures);
            case SUPERSEDED -> out.println("probation of generation " + o.generation() + " ended by a later reload");
            case ROLLED_BACK, ROLLED_BACK_AUTOMATICALLY, CLOSED -> {
                err.println("probation failed: " + (o.verdict() == ProbationVerdict.CLOSED ? "the host closed"
                        : "generation " + o.generation() + " was rolled back to generation " + o.kept()
                        + (o.verdict() == ProbationVerdict.ROLLED_BACK ? " on request" : " automatically")) + figures);
                err.println("  reason: " + o.reason());
                return ExitCode.FAILED;
            }
        }
        return ExitCode.OK;
    }
}
