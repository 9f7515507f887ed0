package io.hotswap.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * A private library carried in a plugin bundle, as reported by {@link Swapper#status()}.
 *
 * @param name      the library's module name
 * @param version   its module version, if its descriptor (or, for an automatic module, its file
 *                  name) has one
 * @param automatic whether it is an automatic module (a plain jar, named by
 *                  {@code Automatic-Module-Name} or after its file)
 * @param path      the nested jar's path inside the bundle, e.g. {@code META-INF/hotswap/lib/gson-2.10.1.jar}
 * @since 0.2
 */
public record LibraryInfo(String name, Optional<String> version, boolean automatic, String path) {

    public LibraryInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(path, "path");
    }

    /** {@code com.google.gson@2.10.1}, or the name alone without a version. */
    @Override
    public String toString() {
        return version.map(v -> name + "@" + v).orElse(name) + (automatic ? " (automatic)" : "");
    }
}
