package io.hotswap.cli.remote;

import io.hotswap.cli.command.CommandException;
import io.hotswap.protocol.endpoint.HostQuery;
import io.hotswap.protocol.endpoint.HostSelectionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which host to talk to: {@code --host NAME}, {@code --pid PID} or {@code --socket PATH}; with
 * none of them, the only host running for this user.
 */
public final class HostSelection {

    static final class Target {
        @Option(names = "--host", paramLabel = "NAME", description = "The host's swapper name.")
        String name;

        @Option(names = "--pid", paramLabel = "PID", description = "The host's process id.")
        Long pid;

        @Option(names = "--socket", paramLabel = "PATH", description = "The endpoint's socket file.")
        Path socket;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target;

    @Mixin
    RuntimeDirOption runtimeDir;

    /** The socket of the selected host. */
    Path socket() {
        if (target != null && target.socket != null) {
            if (!Files.exists(target.socket)) {
                throw CommandException.failed("no socket at " + target.socket);
            }
            return target.socket;
        }
        HostQuery query = target == null ? HostQuery.any()
                : new HostQuery(Optional.ofNullable(target.name),
                        target.pid == null ? OptionalLong.empty() : OptionalLong.of(target.pid));
        try {
            return query.selectFrom(runtimeDir.directory()).socket();
        } catch (HostSelectionException e) {
            throw e.reason() == HostSelectionException.Reason.SEVERAL
                    ? CommandException.usage(e.getMessage() + "; pick one with --pid")
                    : CommandException.failed(e.getMessage());
        }
    }
}
