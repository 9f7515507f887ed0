package io.hotswap.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * What a client may ask a management endpoint.
 *
 * @since 0.2
 */
public enum Command {
    /** Reload the plugin directory; the reply carries the details or the error. */
    RELOAD,
    /** Report generation, plugins with versions and leak figures. */
    STATUS,
    /**
     * Name what holds each leaked version (a heap dump of the host, seconds); the reply carries the
     * chains.
     */
    LEAKS;

    /** The name on the wire: {@code reload}, {@code status}, {@code leaks}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The command of that wire name, if there is one. */
    public static Optional<Command> fromWire(String name) {
        for (Command c : values()) {
            if (c.wireName().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
