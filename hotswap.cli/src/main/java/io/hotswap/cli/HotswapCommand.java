package io.hotswap.cli;

import io.hotswap.cli.build.BuildCommand;
import io.hotswap.cli.command.CommandException;
import io.hotswap.cli.command.ExitCode;
import io.hotswap.cli.remote.HostsCommand;
import io.hotswap.cli.remote.QuickReload;
import io.hotswap.cli.remote.ReloadCommand;
import io.hotswap.cli.remote.LeaksCommand;
import io.hotswap.cli.remote.RollbackCommand;
import io.hotswap.cli.remote.StatusCommand;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hotswap}: builds plugins and reloads running hosts.
 *
 * <p>Exit codes: {@link ExitCode}.
 */
@Command(name = "hotswap", mixinStandardHelpOptions = true, version = "hotswap 0.1",
        description = "Builds plugins and reloads running hosts.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (compile error, reload error, host not found)", "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {"  hotswap build greeter plugins",
                "      compile greeter/ into a host's plugin directory",
                "  hotswap reload --host hello",
                "      reload the running host named hello",
                "  hotswap hosts",
                "      list the running hosts of this user",
                "  source <(hotswap generate-completion)",
                "      complete hotswap's commands and options in bash",
                "Each command's --help shows more."})
public final class HotswapCommand implements Callable<Integer> {

    /** The subcommand that prints the bash completion script of all the others (picocli's). */
    static final String COMPLETION = "generate-completion";


    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    /**
     * Runs the command with its output going to {@code out} and {@code err}; returns the exit code.
     * Never calls {@code System.exit}, so tests and other tools can run it in-process.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Optional<Integer> quick = QuickReload.run(args, out, err);
        if (quick.isPresent()) {
            out.flush();
            err.flush();
            return quick.get();
        }
        CommandLine cli = new CommandLine(new HotswapCommand());
        // picocli builds the model of every subcommand it is given, reflectively: about 1 ms for
        // all four, a few percent of an in-process `hotswap build` (benchmarks/NOTES.md). When the
        // first argument names one, that one is enough; otherwise (usage, --help) all of them.
        // The completion script covers every command, so that one needs all of them too.
        Supplier<Object> named = args.length > 0 && !args[0].equals(COMPLETION) ? Subcommands.ALL.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(args[0], named.get());
        } else {
            Subcommands.ALL.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof CommandException ce) {
                command.getErr().println(command.getCommandName() + ": " + ce.getMessage());
                if (ce.exitCode() == ExitCode.USAGE) {
                    command.usage(command.getErr());
                }
                if (debug(command)) {
                    ce.printStackTrace(command.getErr());
                }
                return ce.exitCode();
            }
            command.getErr().println(command.getCommandName() + ": " + e);
            if (debug(command)) {
                e.printStackTrace(command.getErr());
            } else {
                command.getErr().println("(run with --debug for the stack trace)");
            }
            return ExitCode.FAILED;
        });
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The subcommands by name, in the order the usage lists them; made on first use, after the quick path. */
    private static final class Subcommands {
        static final Map<String, Supplier<Object>> ALL = subcommands();
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("build", BuildCommand::new);
        m.put("reload", ReloadCommand::new);
        m.put("rollback", RollbackCommand::new);
        m.put("status", StatusCommand::new);
        m.put("leaks", LeaksCommand::new);
        m.put("hosts", HostsCommand::new);
        m.put(COMPLETION, AutoComplete.GenerateCompletion::new);
        return Collections.unmodifiableMap(m);
    }

    /** Whether the command that failed was given its own {@code --debug} (javac's options after "--" are not its). */
    private static boolean debug(CommandLine command) {
        return command.getParseResult().matchedOptionValue("--debug", false);
    }

    /** {@code hotswap} alone: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("hotswap: a command is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
