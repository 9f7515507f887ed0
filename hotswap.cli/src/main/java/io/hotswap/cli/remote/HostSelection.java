package io.hotswap.cli.remote;

import io.hotswap.cli.command.CommandException;
import io.hotswap.protocol.endpoint.EndpointDirectory;
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
        return target == null ? socket(runtimeDir.directory(), null, null, null)
                : socket(runtimeDir.directory(), target.name, target.pid, target.socket);
    }

    /**
     * The socket of the host selected by at most one of {@code name}, {@code pid} and
     * {@code socket} (the others null), or of the only host in {@code dir} if none is given.
     *
     * @throws CommandException naming what was looked for and what is running
     */
    static Path socket(EndpointDirectory dir, String name, Long pid, Path socket) {
        if (socket != null) {
            if (!Files.exists(socket)) {
                throw CommandException.failed("no socket at " + socket);
            }
            return socket;
        }
        HostQuery query = new HostQuery(Optional.ofNullable(name), pid == null ? OptionalLong.empty() : OptionalLong.of(pid));
        try {
            return query.selectFrom(dir).socket();
        } catch (HostSelectionException e) {
            throw e.reason() == HostSelectionException.Reason.SEVERAL
                    ? CommandException.usage(e.getMessage() + "; pick one with --pid")
                    : CommandException.failed(e.getMessage());
        }
    }
}
