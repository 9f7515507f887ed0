package io.hotswap.cli.remote;

import io.hotswap.cli.command.CommonOptions;
import io.hotswap.cli.command.ExitCode;
import io.hotswap.protocol.HostEntry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hotswap hosts}: the hosts of this user that expose an endpoint, one a line, like {@code jps}. */
@Command(name = "hosts", description = {"Lists the running hosts of this user that expose a management endpoint:",
        "pid, name and plugin directory, one a line."},
        footerHeading = "%nExample:%n",
        footer = {"  hotswap hosts",
                "      one line per host, for instance: 12345 hello /srv/hello/plugins"})
public final class HostsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RuntimeDirOption runtimeDir;

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (HostEntry h : runtimeDir.directory().hosts()) {
            out.println(h.pid() + " " + h.name() + " " + h.pluginDir());
        }
        return ExitCode.OK;
    }
}
