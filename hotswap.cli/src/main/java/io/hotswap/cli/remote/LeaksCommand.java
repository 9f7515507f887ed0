package io.hotswap.cli.remote;

import io.hotswap.cli.command.CommandException;
import io.hotswap.cli.command.CommonOptions;
import io.hotswap.cli.command.ExitCode;
import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.LeakPathStatus;
import io.hotswap.protocol.LeaksReply;
import io.hotswap.protocol.ProtocolCodec;
import io.hotswap.protocol.Reply;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hotswap leaks}: what holds each leaked plugin version of a running host. */
@Command(name = "leaks", description = {"Prints what holds each leaked plugin version of a running host:"
        + " the shortest chain of references from a GC root to the version's class loader.",
        "The host dumps its live heap for this (a full collection, seconds), reads it and deletes it."},
        footerHeading = "%nExamples:%n",
        footer = {"  hotswap leaks --host hello",
                "      per leaked version: static field ... -> ... -> class loader plugin-...",
                "  hotswap leaks --host hello --json",
                "      the same as one line of JSON, for scripts"})
public final class LeaksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HostSelection selection;

    @Option(names = "--json", description = "Print the reply as one line of JSON, for scripts.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up waiting for the host's answer after this many seconds. Default: ${DEFAULT-VALUE}.")
    long timeoutSeconds;

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() {
        if (timeoutSeconds <= 0) {
            throw CommandException.usage("--timeout must be a positive number of seconds, was " + timeoutSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path socket = selection.socket();
        Reply reply = Replies.ask(socket, io.hotswap.protocol.Command.LEAKS, Duration.ofSeconds(timeoutSeconds));
        if (reply instanceof ErrorReply failed) {
            spec.commandLine().getErr().println("leaks failed: " + failed.error());
            return ExitCode.FAILED;
        }
        LeaksReply leaks = Replies.expect(reply, LeaksReply.class, io.hotswap.protocol.Command.LEAKS, socket);
        if (json) {
            out.println(ProtocolCodec.encode(leaks));
            return ExitCode.OK;
        }
        List<LeakPathStatus> paths = leaks.paths();
        if (paths.isEmpty()) {
            out.println("no leaked plugin versions");
        }
        for (LeakPathStatus p : paths) {
            out.println("leaked " + p.plugin() + " " + p.version() + ", held by:");
            out.println("  " + p.chain());
        }
        return ExitCode.OK;
    }
}
