package io.hotswap.cli.remote;

import io.hotswap.protocol.endpoint.EndpointDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --runtime-dir}: where the hosts of this user put their endpoints. */
public final class RuntimeDirOption {

    @Option(names = "--runtime-dir", paramLabel = "DIR",
            description = "Where hosts put their sockets (default: $XDG_RUNTIME_DIR, else the temp directory).")
    Path runtimeDir;

    EndpointDirectory directory() {
        return directory(runtimeDir);
    }

    /** The endpoint directory under {@code runtimeDir}, or this user's when it is null. */
    static EndpointDirectory directory(Path runtimeDir) {
        return runtimeDir == null ? EndpointDirectory.forCurrentUser() : EndpointDirectory.under(runtimeDir);
    }
}
