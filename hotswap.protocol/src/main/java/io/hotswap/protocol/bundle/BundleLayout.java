package io.hotswap.protocol.bundle;

/**
 * The layout of a plugin bundle: one file in the plugin directory, the plugin's own modular jar
 * with its private libraries nested as jars directly under {@link #LIBRARIES}. The file's SHA-256,
 * libraries included, is the version's identity; a jar without that folder is a plain plugin.
 *
 * <p>Nothing is unpacked to disk: the runtime reads the nested jars from the bundle's bytes and
 * resolves them with the plugin into the version's own layer.
 *
 * @since 0.2 (in {@code io.hotswap.runtime} until 0.2, here since the protocol module)
 */
public final class BundleLayout {

    /** The folder of the nested library jars: {@value}. Only {@code *.jar} files, no subfolders. */
    public static final String LIBRARIES = "META-INF/hotswap/lib/";

    private BundleLayout() {
    }
}
