package io.hotswap.runtime.jar;

import java.lang.module.ModuleDescriptor;

/**
 * A private library of a plugin bundle: one jar nested under
 * {@link io.hotswap.protocol.bundle.BundleLayout#LIBRARIES}, read from the bundle's bytes in memory.
 *
 * @param path       the nested jar's path inside the bundle, e.g. {@code META-INF/hotswap/lib/gson-2.10.1.jar}
 * @param descriptor its module descriptor: its own (multi-release ones chosen for the running JDK),
 *                   or, for a plain jar, the automatic module the JDK would derive from it
 * @param entries    its entries, as the running JDK sees them (versioned for a multi-release jar)
 */
public record LibraryJar(String path, ModuleDescriptor descriptor, JarEntries entries) {

    /** The library's module name. */
    public String name() {
        return descriptor.name();
    }

    /** Whether it is an automatic module: a plain jar without {@code module-info.class}. */
    public boolean automatic() {
        return descriptor.isAutomatic();
    }
}
