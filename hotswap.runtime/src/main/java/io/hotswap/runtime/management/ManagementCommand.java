package io.hotswap.runtime.management;

import java.util.Locale;
import java.util.Optional;

/** What a client may ask a management endpoint. */
public enum ManagementCommand {
    /** Reload the plugin directory; the reply carries the details or the error. */
    RELOAD,
    /** Report generation, plugins with versions and leak figures. */
    STATUS;

    /** The name on the wire: {@code reload}, {@code status}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ManagementCommand> fromWire(String name) {
        for (ManagementCommand c : values()) {
            if (c.wireName().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
