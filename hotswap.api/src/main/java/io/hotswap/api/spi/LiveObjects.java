package io.hotswap.api.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the runtime installs its {@link LiveObjectAccess}. Exported to {@code io.hotswap.runtime}
 * only.
 *
 * @since 0.1
 */
public final class LiveObjects {

    private static volatile LiveObjectAccess installed;

    private LiveObjects() {
    }

    /** Installs the runtime's access; the last install wins. */
    public static void install(LiveObjectAccess access) {
        installed = Objects.requireNonNull(access, "access");
    }

    /** The installed access, if a runtime is loaded. */
    public static Optional<LiveObjectAccess> installed() {
        return Optional.ofNullable(installed);
    }
}
