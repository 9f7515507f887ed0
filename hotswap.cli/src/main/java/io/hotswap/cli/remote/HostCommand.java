package io.hotswap.cli.remote;

import io.hotswap.cli.command.CommonOptions;
import io.hotswap.protocol.Command;
import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.Reply;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that talks to one running host has: which host ({@link HostSelection}),
 * {@code --debug} and {@code --help}, and where it prints. picocli fills the fields of this class for each subclass.
 */
abstract class HostCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HostSelection selection;

    @Mixin
    CommonOptions options;

    /**
     * Asks the selected host; an error reply is printed as {@code <command> failed: <error>} and
     * comes back empty (the command then exits 1).
     */
    <T extends Reply> Optional<T> ask(Command command, Class<T> kind, Duration timeout) {
        Path socket = selection.socket();
        Reply reply = Replies.ask(socket, command, timeout);
        if (reply instanceof ErrorReply failed) {
            err().println(command.wireName() + " failed: " + failed.error());
            return Optional.empty();
        }
        return Optional.of(Replies.expect(reply, kind, command, socket));
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** {@code s} padded with spaces to {@code width}: the name column of a listing. */
    static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
