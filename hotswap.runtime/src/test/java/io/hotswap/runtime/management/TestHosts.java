package io.hotswap.runtime.management;

import io.hotswap.protocol.endpoint.EndpointDirectory;
import io.hotswap.runtime.Swapper;
import java.nio.file.Path;
import java.time.Duration;

/** Swappers with an endpoint in a test's own directory. */
final class TestHosts {

    private TestHosts() {
    }

    static Swapper.Builder withEndpoint(Path pluginDir, Path base, String name) {
        return Swapper.builder(pluginDir).name(name).freeDelay(Duration.ZERO)
                .managementEndpoint(true).managementDirectory(base).managementReadTimeout(Duration.ofMillis(500));
    }

    /** The socket of the only host in {@code base}. */
    static Path socket(Path base) {
        return EndpointDirectory.under(base).hosts().get(0).socket();
    }
}
