package io.hotswap.cli.command;

import picocli.CommandLine.Option;

/**
 * {@code --debug}, the same on every command: the {@code hotswap} command prints the stack trace
 * of a failing command that was given it.
 */
public final class DebugOption {

    @Option(names = "--debug", description = "Print stack traces of the tool's own errors.")
    boolean on;

    public boolean on() {
        return on;
    }
}
