package io.hotswap.cli.remote;

import io.hotswap.cli.command.CommandException;
import io.hotswap.cli.command.CommonOptions;
import io.hotswap.cli.command.ExitCode;
import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.ReloadReply;
import io.hotswap.protocol.ReloadResult;
import io.hotswap.protocol.Reply;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hotswap reload}: reloads a running host's plugin directory and prints what happened per plugin. */
@Command(name = "reload", description = {"Reloads the plugin directory of a running host.",
        "Prints the outcome per plugin and exits 0, or prints the error (plugin, step, cause) and exits 1;"
                + " the host then keeps serving its current generation."},
        footerHeading = "%nExamples:%n",
        footer = {"  hotswap reload --host hello",
                "      reload the running host named hello",
                "  hotswap reload --pid 12345 --timeout 300",
                "      one of several hosts of a name, waiting up to 5 minutes",
                "  mvn package hotswap:reload -Dhotswap.host=hello",
                "      the same after a Maven build (hotswap-maven-plugin)"})
public final class ReloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HostSelection selection;

    @Mixin
    CommonOptions options;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up waiting for the host's answer after this many seconds (the host's own limits,"
                    + " hookTimeout and reloadWait, end a stuck reload before that). Default: ${DEFAULT-VALUE}.")
    long timeoutSeconds;

    @Override
    public Integer call() {
        if (timeoutSeconds <= 0) {
            throw CommandException.usage("--timeout must be a positive number of seconds, was " + timeoutSeconds);
        }
        return reload(selection.socket(), Duration.ofSeconds(timeoutSeconds), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** Asks the host at {@code socket} to reload and prints what it answered; returns the exit code. */
    static int reload(Path socket, Duration timeout, PrintWriter out, PrintWriter err) {
        Reply reply = Replies.ask(socket, io.hotswap.protocol.Command.RELOAD, timeout);
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
        return ExitCode.OK;
    }

    static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
