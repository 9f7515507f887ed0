package io.hotswap.runtime.live.bind;

/** The live names of a generation cannot be bound; names the plugin to blame. */
public final class LiveBindException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String plugin;

    LiveBindException(String plugin, String message, Throwable cause) {
        super(message, cause);
        this.plugin = plugin;
    }

    /** The plugin to blame (for a duplicate name, the second of the two). */
    public String plugin() {
        return plugin;
    }
}
