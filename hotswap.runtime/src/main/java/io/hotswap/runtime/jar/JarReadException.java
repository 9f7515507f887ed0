package io.hotswap.runtime.jar;

import java.nio.file.Path;

/** A plugin jar that cannot be used; the message names the file. */
public final class JarReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public JarReadException(Path file, String problem, Throwable cause) {
        super("Jar " + file + " " + problem + (cause == null ? "" : ": " + cause.getMessage()), cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
