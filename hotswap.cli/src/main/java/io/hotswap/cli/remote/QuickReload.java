package io.hotswap.cli.remote;

import io.hotswap.cli.command.CommandException;
import io.hotswap.cli.command.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code hotswap reload} without picocli, for the command lines a script or an editor sends on
 * every save: {@code reload} with any of {@code --host}, {@code --pid}, {@code --socket},
 * {@code --runtime-dir} and {@code --timeout}, each at most once, as {@code --opt VALUE} or
 * {@code --opt=VALUE}. Building picocli's model of the command (reflection over the annotated
 * fields, annotation proxies, about 170 classes) took most of the process's own time: about
 * 120 ms of a 220 ms run (benchmarks/NOTES.md). No lambdas on this path either: outside the
 * image's CDS archive, the first one costs the JVM's lambda bootstrap.
 *
 * <p>Anything else, and any command line it cannot take as it is (an unknown option, a value that
 * does not parse, two hosts selected, a host selection that fails before anything is sent), is
 * left to picocli, which runs the same {@link ReloadCommand#reload} and prints its own usage and
 * messages. So the options mean the same either way and every usage message is picocli's.
 */
public final class QuickReload {

    private static final List<String> SELECTORS = List.of("--host", "--pid", "--socket");
    private static final Set<String> OPTIONS = Set.of("--host", "--pid", "--socket", "--runtime-dir", "--timeout");
    private static final long DEFAULT_TIMEOUT_SECONDS = 120; // ReloadCommand's --timeout default

    private QuickReload() {
    }

    /**
     * Runs {@code args} if they are a reload this class takes.
     *
     * @return the exit code, or empty if picocli should run the command line instead (nothing was
     *         sent nor printed then)
     */
    public static Optional<Integer> run(String[] args, PrintWriter out, PrintWriter err) {
        Map<String, String> options = options(args);
        if (options == null) {
            return Optional.empty();
        }
        Long pid;
        long timeout;
        try {
            pid = options.containsKey("--pid") ? Long.valueOf(options.get("--pid")) : null;
            timeout = options.containsKey("--timeout") ? Long.parseLong(options.get("--timeout")) : DEFAULT_TIMEOUT_SECONDS;
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        int selectors = 0;
        for (String selector : SELECTORS) {
            selectors += options.containsKey(selector) ? 1 : 0;
        }
        if (timeout <= 0 || selectors > 1) {
            return Optional.empty();
        }
        Path socket;
        try {
            String dir = options.get("--runtime-dir");
            String file = options.get("--socket");
            socket = HostSelection.socket(RuntimeDirOption.directory(dir == null ? null : Path.of(dir)),
                    options.get("--host"), pid, file == null ? null : Path.of(file));
        } catch (CommandException | java.nio.file.InvalidPathException e) {
            // picocli resolves again and says why, with the usage where it is a usage error.
            return Optional.empty();
        }
        try {
            return Optional.of(ReloadCommand.reload(socket, Duration.ofSeconds(timeout), false, false, out, err));
        } catch (CommandException e) {
            // Sent already, so not handed to picocli to run twice: printed as HotswapCommand prints
            // a command's failure (never a usage error: the command line was taken as it is).
            err.println("reload: " + e.getMessage());
            return Optional.of(e.exitCode());
        } catch (RuntimeException e) {
            err.println("reload: " + e);
            err.println("(run with --debug for the stack trace)");
            return Optional.of(ExitCode.FAILED);
        }
    }

    /** The options of {@code reload [--opt VALUE | --opt=VALUE]...}, or null if that is not what {@code args} are. */
    private static Map<String, String> options(String[] args) {
        if (args.length == 0 || !args[0].equals("reload")) {
            return null;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (!OPTIONS.contains(name) || value.isEmpty() || value.startsWith("-") || options.put(name, value) != null) {
                return null;
            }
        }
        return options;
    }
}
