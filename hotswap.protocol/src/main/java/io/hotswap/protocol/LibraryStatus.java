package io.hotswap.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * A library nested in a plugin bundle, as {@code status} lists it under its plugin.
 *
 * @param name      its module name
 * @param version   its module version, if its descriptor has one
 * @param automatic whether it is an automatic module
 * @param path      its entry in the bundle ({@code META-INF/hotswap/lib/gson-2.10.1.jar})
 * @since 0.2
 */
public record LibraryStatus(String name, Optional<String> version, boolean automatic, String path) {

    public LibraryStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(path, "path");
    }
}
