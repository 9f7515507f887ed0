package io.hotswap.cli.remote;

import io.hotswap.cli.DebugOption;
import io.hotswap.cli.HotswapCommand;
import io.hotswap.runtime.management.JsonWriter;
import io.hotswap.runtime.management.ManagementCommand;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hotswap status}: what a running host runs, and what it freed, collected or leaked. */
@Command(name = "status", description = "Prints a running host's generation, plugins with versions, and leak figures.")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HostSelection selection;

    @Option(names = "--json", description = "Print the status as one line of JSON, for scripts.")
    boolean json;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> reply = Replies.ask(selection.socket(), ManagementCommand.STATUS);
        if (!Replies.ok(reply)) {
            spec.commandLine().getErr().println("status failed: " + Replies.text(reply, "error"));
            return HotswapCommand.FAILED;
        }
        Map<String, Object> s = Replies.map(reply, "status");
        if (json) {
            out.println(JsonWriter.write(s));
            return HotswapCommand.OK;
        }
        out.println("host:        " + Replies.text(s, "host") + " (pid " + Replies.text(s, "pid") + ")");
        out.println("plugin dir:  " + Replies.text(s, "pluginDir")
                + (Boolean.TRUE.equals(s.get("staticLinking")) ? " (static linking: plugins from the module path)" : ""));
        out.println("generation:  " + Replies.text(s, "generation") + " (" + Replies.text(s, "reloadCounter") + " reloads)");
        List<Map<String, Object>> plugins = Replies.list(s, "plugins");
        out.println("plugins:     " + plugins.size());
        int width = plugins.stream().mapToInt(p -> Replies.text(p, "name").length()).max().orElse(0);
        for (Map<String, Object> p : plugins) {
            out.println("  " + ReloadCommand.pad(Replies.text(p, "name"), width) + "  " + Replies.text(p, "version")
                    + "  (generation " + Replies.text(p, "generation")
                    + (Boolean.FALSE.equals(p.get("reloadable")) ? ", not reloadable" : "") + ")");
            // A bundle's libraries under their plugin; a host that sends none (a plain plugin, or
            // a runtime older than bundles) prints nothing here.
            for (Map<String, Object> lib : Replies.list(p, "libraries")) {
                Object version = lib.get("version");
                out.println("      lib " + Replies.text(lib, "name") + (version == null ? "" : " " + version)
                        + (Boolean.TRUE.equals(lib.get("automatic")) ? " (automatic)" : ""));
            }
        }
        out.println("retired:     " + Replies.text(s, "retired") + "  freed: " + Replies.text(s, "freed")
                + "  collected: " + Replies.text(s, "collected") + "  leaked: " + Replies.text(s, "leaked"));
        for (Map<String, Object> leak : Replies.list(s, "leaks")) {
            out.println("  leaked " + Replies.text(leak, "plugin") + " " + Replies.text(leak, "version")
                    + ": alive " + Replies.text(leak, "aliveForSeconds") + " s after onFree; threads: "
                    + leak.getOrDefault("threads", List.of()));
        }
        return HotswapCommand.OK;
    }
}
