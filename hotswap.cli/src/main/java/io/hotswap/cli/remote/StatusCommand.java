package io.hotswap.cli.remote;

import io.hotswap.cli.command.ExitCode;
import io.hotswap.protocol.HostStatus;
import io.hotswap.protocol.LeakStatus;
import io.hotswap.protocol.LibraryStatus;
import io.hotswap.protocol.PluginStatus;
import io.hotswap.protocol.ProtocolCodec;
import io.hotswap.protocol.RejectedStatus;
import io.hotswap.protocol.StatusReply;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotswap status}: what a running host runs, and what it freed, collected or leaked. */
@Command(name = "status", description = "Prints a running host's generation, plugins with versions, and leak figures.",
        footerHeading = "%nExamples:%n",
        footer = {"  hotswap status --host hello",
                "      generation, plugins with versions and libraries, probation, leaks",
                "  hotswap status --host hello --json",
                "      the same as one line of JSON, for scripts"})
public final class StatusCommand extends HostCommand {

    // A status never waits for a reload: it answers at once, or the host is in trouble.
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(30);

    @Option(names = "--json", description = "Print the status as one line of JSON, for scripts.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = out();
        Optional<StatusReply> reply = ask(io.hotswap.protocol.Command.STATUS, StatusReply.class, STATUS_TIMEOUT);
        if (reply.isEmpty()) {
            return ExitCode.FAILED;
        }
        HostStatus s = reply.get().status();
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
            out.println("  " + pad(p.name(), width) + "  " + p.version()
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
        s.probation().ifPresent(p -> out.println("probation:   generation " + p.generation() + " until " + p.until()
                + " (" + Math.max(0, Duration.between(Instant.now(), p.until()).toSeconds()) + " s left); generation "
                + p.kept() + " kept for a rollback; " + p.failures() + " of " + p.calls() + " calls failed"));
        s.lastProbation().ifPresent(o -> out.println("last probation: generation " + o.generation() + " "
                + o.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " at " + o.at() + ": "
                + o.reason()));
        for (RejectedStatus r : s.rejected()) {
            out.println("  rejected " + r.plugin() + " sha256:" + r.sha256().substring(0, Math.min(12, r.sha256().length()))
                    + r.file().map(f -> " (" + f + ")").orElse("") + " since " + r.since()
                    + ": skipped until it changes, or reload --force");
        }
        return ExitCode.OK;
    }
}
