package io.hotswap.demo.extension;

import io.hotswap.demo.extension.spi.Greetings;
import io.hotswap.runtime.Generation;
import io.hotswap.runtime.Swapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension demo's host: every generation gets a fresh {@link Greetings} from the host's
 * factory, the plugin installs its greeter function there in {@code onInit}, and every two
 * seconds the host greets a visitor through the current generation's extension. After a reload
 * the host calls the new function without knowing any plugin type.
 *
 * <p>Usage: {@code extension <pluginDir> [name]} (name default {@code extension}).
 */
public final class ExtensionHost {

    private static final Logger log = LoggerFactory.getLogger(ExtensionHost.class);
    private static final Duration GREET_EVERY = Duration.ofSeconds(2);

    private ExtensionHost() {
    }

    public static void main(String[] args) {
        String usage = "usage: extension <pluginDir> [name]   (name default extension)\n  greets a visitor every two seconds through the current generation's extension;\n  reload it with: hotswap reload --host <name>";
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(usage);
            return;
        }
        if (args.length < 1 || args.length > 2 || args[0].startsWith("-")) {
            System.err.println(usage);
            System.exit(2);
        }
        Swapper swapper = Swapper.builder(Path.of(args[0]))
                .name(args.length > 1 ? args[1] : "extension")
                .extensionFactory(Greetings::new)
                .freeDelay(Duration.ofSeconds(2))
                .managementEndpoint(true) // hotswap reload --host <name>
                .jmx(true)                // jconsole, VisualVM
                .managementInBackground(true) // the plugins run while those two open
                .build();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "greet"));
        // Before loading: a host whose first load fails still removes its endpoint files on exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            timer.shutdownNow();
            swapper.close();
        }, "extension-shutdown"));
        swapper.loadPlugins(null);
        log.info("Host {} (pid {}) loaded {}; greeting every {} s", swapper.name(), ProcessHandle.current().pid(),
                swapper.current().plugins(), GREET_EVERY.toSeconds());

        AtomicLong visitors = new AtomicLong();
        timer.scheduleAtFixedRate(() -> greet(swapper, visitors.incrementAndGet()), 0, GREET_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void greet(Swapper swapper, long visitor) {
        Generation g = swapper.current();
        try {
            String greeting = g.vault().extension(Greetings.class).greet("visitor #" + visitor);
            log.info("Generation {}: the extension says \"{}\"", g.number(), greeting);
        } catch (RuntimeException e) {
            // A plugin's function failed or none is installed: the host keeps running and says so.
            log.warn("Generation {}: the extension could not greet visitor #{}: {}", g.number(), visitor, e.toString());
        }
    }
}
