package io.hotswap.cli.command;

/**
 * The exit codes of every {@code hotswap} command: {@value #OK} success, {@value #FAILED} the work
 * failed (compile error, reload error, no such host), {@value #USAGE} the command line is wrong
 * (the usage is shown).
 */
public final class ExitCode {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
