package io.hotswap.cli.command;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help}, the same on every subcommand: the standard help options are mixed
 * into the top command only, and picocli refuses an option a subcommand does not declare.
 */
public final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help, with examples, and exit.")
    boolean help;
}
