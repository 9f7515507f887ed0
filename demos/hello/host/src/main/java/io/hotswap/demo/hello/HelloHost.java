package io.hotswap.demo.hello;

import io.hotswap.demo.host.DemoHost;
import io.hotswap.demo.host.UnloadReport;
import io.hotswap.runtime.Swapper;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hello demo's host: loads every plugin of the plugin directory at start-up, then calls
 * {@code invokeEach("hum", n)} every two seconds. A reload comes from outside, through the
 * management endpoint ({@code hotswap reload --host hello}); the host itself never reloads.
 *
 * <p>Usage: {@code hello <pluginDir> [name]}; the name (default {@code hello}) is what
 * {@code hotswap reload --host} finds the host by.
 */
public final class HelloHost {

    private static final Logger log = LoggerFactory.getLogger(HelloHost.class);
    private static final Duration HUM_EVERY = Duration.ofSeconds(2);

    private final Swapper swapper;
    private final AtomicLong hums = new AtomicLong();
    private final UnloadReport unloads;

    private HelloHost(Swapper swapper) {
        this.swapper = swapper;
        this.unloads = new UnloadReport(swapper, log);
    }

    public static void main(String[] args) {
        DemoHost demo = DemoHost.start(args, "hello",
                "loads every plugin of <pluginDir> and calls invokeEach(\"hum\", n) every two seconds;\n  reload it with: hotswap reload --host <name>",
                "hum", b -> b);
        Swapper swapper = demo.swapper();
        HelloHost host = new HelloHost(swapper);
        log.info("Host {} (pid {}) loaded {}; humming every {} s", swapper.name(), ProcessHandle.current().pid(),
                swapper.current().plugins(), HUM_EVERY.toSeconds());

        demo.every(HUM_EVERY, host::tick);
    }

    private void tick() {
        // invokeEach never throws because of a plugin: a failing plugin is logged by the runtime.
        swapper.invokeEach("hum", hums.incrementAndGet());
        unloads.report();
    }
}
