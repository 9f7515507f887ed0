package acme.host;

import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.Swapper;
import java.nio.file.Path;
import java.time.Duration;

/** The README's host: compiles against the runtime and the API it reads transitively. */
public final class Host {
    public static void main(String[] args) throws Exception {
        try (Swapper swapper = Swapper.builder(Path.of("plugins"))
                .name("greeting-service")
                .freeDelay(Duration.ofSeconds(5))
                .managementEndpoint(true)
                .build()) {
            swapper.loadPlugins(null);
            swapper.invokeEach("greet", "world");
            ReloadDetails details = swapper.reload(null);
            System.out.println(details);
        }
    }
}
