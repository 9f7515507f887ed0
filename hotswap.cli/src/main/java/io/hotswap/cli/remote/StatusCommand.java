package io.hotswap.cli.remote;

import io.hotswap.cli.command.CommonOptions;
import io.hotswap.cli.command.ExitCode;
import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.HostStatus;
import io.hotswap.protocol.LeakStatus;
import io.hotswap.protocol.LibraryStatus;
import io.hotswap.protocol.PluginStatus;
import io.hotswap.protocol.ProtocolCodec;
import io.hotswap.protocol.Reply;
import io.hotswap.protocol.StatusReply;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hotswap status}: what a running host runs, and what it freed, collected or leaked. */
@Command(name = "status", description = "Prints a running host's generation, plugins with versions, and leak figures.",
        footerHeading = "%nExamples:%n",
        footer = {"  hotswap status --host hello",
                "      generation, plugins with versions and libraries, leaks",
                "  hotswap status --host hello --json",
                "      the same as one line of JSON, for scripts"})
public final class StatusCommand implements Callable<Integer> {

    // A status never waits for a reload: it answers at once, or the host is in trouble.
    private static final java.time.Duration STATUS_TIMEOUT = java.time.Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    HostSelection selection;

    @Option(names = "--json", description = "Print the status as one line of JSON, for scripts.")
    boolean json;

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path socket = selection.socket();
        Reply reply = Replies.ask(socket, io.hotswap.protocol.Command.STATUS, STATUS_TIMEOUT);
        if (reply instanceof ErrorReply failed) {
            spec.commandLine().getErr().println("status failed: " + failed.error());
            return ExitCode.FAILED;
        }
        HostStatus s = Replies.expect(reply, StatusReply.class, io.hotswap.protocol.Command.STATUS, socket).status();
        if (json) {
            out.println(ProtocolCodec.encode(s));
            return ExitCode.OK;
        }
        out.println("host:        " + s.host() + " (pid " + s.pid() + ")");
        out.println("plugin dir:  " + s.pluginDir()
                + (s.staticLinking() ? " (static linking: plugins from the module path)" : ""));
        out.println("generation:  " + s.generation() + " (" + s.reloadCounter() + " reloads)");
        s.reloading().ifPresent(r -> out.println("reloading:   since " + r.since() + ": "
                + r.plugin().map(p -> p + " at step ").orElse("at step ") + r.step() + " (since " + r.stepSince() + ")"));
        out.println("plugins:     " + s.plugins().size());
        int width = s.plugins().stream().mapToInt(p -> p.name().length()).max().orElse(0);
        for (PluginStatus p : s.plugins()) {
            out.println("  " + ReloadCommand.pad(p.name(), width) + "  " + p.version()
                    + "  (generation " + p.generation() + (p.reloadable() ? "" : ", not reloadable") + ")");
            // A bundle's libraries under their plugin; a plain plugin (or a host older than
            // bundles, which sends none) prints nothing here.
            for (LibraryStatus lib : p.libraries()) {
                out.println("      lib " + lib.name() + lib.version().map(v -> " " + v).orElse("")
                        + (lib.automatic() ? " (automatic)" : ""));
            }
        }
        out.println("retired:     " + s.retired() + "  freed: " + s.freed()
                + "  collected: " + s.collected() + "  leaked: " + s.leaked());
        for (LeakStatus leak : s.leaks()) {
            out.println("  leaked " + leak.plugin() + " " + leak.version() + ": alive " + leak.aliveForSeconds()
                    + " s after onFree; held by: " + (leak.heldBy().isEmpty() ? "none found" : String.join(", ", leak.heldBy())));
        }
        return ExitCode.OK;
    }
}
