package io.hotswap.cli.remote;

import io.hotswap.cli.DebugOption;
import io.hotswap.cli.HotswapCommand;
import io.hotswap.runtime.management.ManagementCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hotswap reload}: reloads a running host's plugin directory and prints what happened per plugin. */
@Command(name = "reload", description = {"Reloads the plugin directory of a running host.",
        "Prints the outcome per plugin and exits 0, or prints the error (plugin, step, cause) and exits 1;"
                + " the host then keeps serving its current generation."})
public final class ReloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HostSelection selection;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path socket = selection.socket();
        Map<String, Object> reply = Replies.ask(socket, ManagementCommand.RELOAD);
        if (!Replies.ok(reply)) {
            err.println("reload failed: " + Replies.text(reply, "error"));
            if (reply.get("plugin") != null) {
                err.println("  plugin: " + reply.get("plugin"));
            }
            if (reply.get("step") != null) {
                err.println("  step:   " + reply.get("step"));
            }
            err.println("the host keeps serving its current generation");
            return HotswapCommand.FAILED;
        }
        Map<String, Object> details = Replies.map(reply, "details");
        out.println("reloaded: generation " + Replies.text(details, "generation") + " in "
                + Replies.text(details, "tookMillis") + " ms");
        Map<String, Object> outcomes = Replies.map(details, "outcomes");
        int width = outcomes.keySet().stream().mapToInt(String::length).max().orElse(0);
        outcomes.forEach((plugin, outcome) -> out.println("  " + pad(plugin, width) + "  " + outcome));
        return HotswapCommand.OK;
    }

    static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
