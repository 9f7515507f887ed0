package io.hotswap.runtime.jar;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A plugin jar, or a jar nested in a plugin bundle, that cannot be read: the message names the
 * file (and the nested jar's path inside the bundle), and {@link #plugin()} the plugin when its
 * descriptor could be read before the failure. {@link BundleException}, the one subtype, is a
 * bundle that reads fine but breaks a rule of bundles.
 */
public sealed class JarReadException extends RuntimeException permits BundleException {

    private static final long serialVersionUID = 1L;

    private final String plugin;

    public JarReadException(Path file, String problem, Throwable cause) {
        this(String.valueOf(file), problem, cause);
    }

    /** @param jar what the message calls the jar: its file, or {@code <bundle>!/<nested path>} */
    JarReadException(String jar, String problem, Throwable cause) {
        this("Jar " + jar + " " + problem + (cause == null ? "" : ": " + cause.getMessage()), cause, null);
    }

    JarReadException(String message, Throwable cause, String plugin) {
        super(message, cause);
        this.plugin = plugin;
    }

    /** The same failure, now known to be in the bundle of {@code plugin}. */
    JarReadException inPlugin(String plugin) {
        return new JarReadException(getMessage(), getCause(), plugin);
    }

    /** The plugin whose jar or bundle this is, if its descriptor was read. */
    public Optional<String> plugin() {
        return Optional.ofNullable(plugin);
    }
}
