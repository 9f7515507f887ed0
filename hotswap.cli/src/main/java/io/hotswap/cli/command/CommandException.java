package io.hotswap.cli.command;

/**
 * A failure a command reports as one line on stderr and an exit code, without a stack trace
 * (unless {@code --debug}).
 */
public final class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CommandException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Exit code 1: the work failed. */
    public static CommandException failed(String message) {
        return new CommandException(ExitCode.FAILED, message, null);
    }

    /** Exit code 1, with the cause for {@code --debug}. */
    public static CommandException failed(String message, Throwable cause) {
        return new CommandException(ExitCode.FAILED, message, cause);
    }

    /** Exit code 2: the command line is wrong; the usage is shown. */
    public static CommandException usage(String message) {
        return new CommandException(ExitCode.USAGE, message, null);
    }

    /** Exit code 2, with the cause for {@code --debug}. */
    public static CommandException usage(String message, Throwable cause) {
        return new CommandException(ExitCode.USAGE, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
