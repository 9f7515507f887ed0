package io.hotswap.build;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A plugin build that did not write its jar: the message says what is wrong and names the plugin,
 * file or option; the output directory is as it was. The command turns it into a usage error
 * ({@link Reason#REQUEST}) or a failure ({@link Reason#FAILED}).
 */
public final class BuildException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Whose fault it is. */
    public enum Reason {
        /** The request is wrong (a missing directory, a bad library, a javac option javac refuses). */
        REQUEST,
        /** The plugin does not build (it does not compile, its descriptor or live names are wrong, a file system refuses). */
        FAILED
    }

    private final Reason reason;
    // Not serialised with the exception: a path means nothing on another machine.
    private final transient Path filesLeft;

    private BuildException(Reason reason, String message, Throwable cause, Path filesLeft) {
        super(message, cause);
        this.reason = reason;
        this.filesLeft = filesLeft;
    }

    static BuildException request(String message) {
        return new BuildException(Reason.REQUEST, message, null, null);
    }

    static BuildException failed(String message) {
        return new BuildException(Reason.FAILED, message, null, null);
    }

    static BuildException failed(String message, Throwable cause) {
        return new BuildException(Reason.FAILED, message, cause, null);
    }

    /** The same failure, saying where the build wrote out what it had ({@link BuildRequest.KeepFiles}). */
    BuildException leaving(Path dir) {
        BuildException e = new BuildException(reason, getMessage(), getCause(), dir);
        e.setStackTrace(getStackTrace());
        return e;
    }

    public Reason reason() {
        return reason;
    }

    /** Where the classes, resources and live index were written out, if the request asked for it. */
    public Optional<Path> filesLeft() {
        return Optional.ofNullable(filesLeft);
    }
}
