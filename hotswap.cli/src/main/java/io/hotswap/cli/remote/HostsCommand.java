package io.hotswap.cli.remote;

import io.hotswap.cli.HotswapCommand;
import io.hotswap.runtime.management.EndpointDirectory;
import io.hotswap.runtime.management.HostEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hotswap hosts}: the hosts of this user that expose an endpoint, one a line, like {@code jps}. */
@Command(name = "hosts", description = {"Lists the running hosts of this user that expose a management endpoint:",
        "pid, name and plugin directory, one a line."})
public final class HostsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runtime-dir", paramLabel = "DIR",
            description = "Where hosts put their sockets (default: $XDG_RUNTIME_DIR, else the temp directory).")
    Path runtimeDir;

    @Option(names = "--debug", description = "Print stack traces of the tool's own errors.")
    boolean debug;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EndpointDirectory dir = runtimeDir == null ? EndpointDirectory.forCurrentUser() : EndpointDirectory.under(runtimeDir);
        for (HostEntry h : dir.hosts()) {
            out.println(h.pid() + " " + h.name() + " " + h.pluginDir());
        }
        return HotswapCommand.OK;
    }
}
