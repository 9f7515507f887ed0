package io.hotswap.runtime.layer;

/**
 * A plugin version whose modules cannot be linked into a layer by the rules of bundles: a package
 * split between two of its modules or with the host's layer, a library requiring a module that
 * nothing provides, a library of another plugin's bundle read without that plugin re-exporting it.
 * The message names the plugin, the library and its nested jar.
 */
public final class BundleLinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BundleLinkException(String message) {
        super(message);
    }
}
