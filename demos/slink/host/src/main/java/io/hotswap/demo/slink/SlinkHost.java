package io.hotswap.demo.slink;

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
 * The slink demo's host: static linking. The plugin is not read from a plugin directory into a
 * layer of its own: it is a module on the host's own {@code --module-path}, found in the boot layer
 * through {@link java.util.ServiceLoader}, so a debugger, an IDE or {@code jdb} sees its classes
 * like any other module's. The hooks run as usual; a reload is refused with a clear message.
 *
 * <p>Usage: {@code java --module-path <plugins> --add-modules ticker -m io.hotswap.demo.slink <plugins> [name]}
 * (name default {@code slink}); {@code run.sh} does this.
 */
public final class SlinkHost {

    private static final Logger log = LoggerFactory.getLogger(SlinkHost.class);
    private static final Duration TICK_EVERY = Duration.ofSeconds(2);

    private SlinkHost() {
    }

    public static void main(String[] args) {
        String usage = "usage: slink <pluginDir> [name]   (name default slink)\n  static linking: the plugins are modules on the host's own --module-path (run.sh sets it);\n  a reload is refused";
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(usage);
            return;
        }
        if (args.length < 1 || args.length > 2 || args[0].startsWith("-")) {
            System.err.println(usage);
            System.exit(2);
        }
        Swapper swapper = Swapper.builder(Path.of(args[0]))
                .name(args.length > 1 ? args[1] : "slink")
                .staticLinking(true)
                .managementEndpoint(true) // hotswap reload --host <name> is answered with the refusal
                .jmx(true)
                .managementInBackground(true)
                .build();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "tick"));
        // Before loading: a host whose first load fails still removes its endpoint files on exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            timer.shutdownNow();
            swapper.close();
        }, "slink-shutdown"));
        swapper.loadPlugins(null);
        log.info("Host {} (pid {}) loaded {} statically (static linking: {}); ticking every {} s", swapper.name(),
                ProcessHandle.current().pid(), swapper.current().plugins(), swapper.staticLinkingMode(),
                TICK_EVERY.toSeconds());

        AtomicLong ticks = new AtomicLong();
        timer.scheduleAtFixedRate(() -> swapper.invokeEach("tick", ticks.incrementAndGet()), 0,
                TICK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }
}
