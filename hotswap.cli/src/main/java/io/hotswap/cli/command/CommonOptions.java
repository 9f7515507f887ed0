package io.hotswap.cli.command;

import picocli.CommandLine.Option;

/**
 * The options every subcommand takes, mixed into each: {@code --debug} (the {@code hotswap}
 * command prints the stack trace of a failing command that was given it) and
 * {@code -h}/{@code --help} (the standard help options are mixed into the top command only, and
 * picocli refuses an option a subcommand does not declare).
 */
public final class CommonOptions {

    @Option(names = "--debug", description = "Print stack traces of the tool's own errors.")
    boolean debug;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help, with examples, and exit.")
    boolean help;

    public boolean debug() {
        return debug;
    }
}
