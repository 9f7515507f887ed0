package io.hotswap.runtime.jar;

/**
 * A plugin bundle whose jars all read fine but that breaks a rule of bundles: two nested jars
 * with one module name, a nested jar that provides {@code io.hotswap.api.Plugin}, a jar nested in
 * a nested jar, a file in the library folder that is not a jar. The message names the plugin and
 * the nested jar's path inside the bundle.
 */
public final class BundleException extends JarReadException {

    private static final long serialVersionUID = 1L;

    BundleException(String plugin, String message) {
        super(message, null, plugin);
    }
}
