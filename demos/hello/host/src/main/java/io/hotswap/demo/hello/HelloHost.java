package io.hotswap.demo.hello;

import io.hotswap.demo.host.DemoHost;
import io.hotswap.demo.host.UnloadReport;
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

    private HelloHost() {
    }

    public static void main(String[] args) {
        DemoHost demo = DemoHost.start(args, "hello",
                "loads every plugin of <pluginDir> and calls invokeEach(\"hum\", n) every two seconds;\n  reload it with: hotswap reload --host <name>",
                "hum", b -> b);
        UnloadReport unloads = new UnloadReport(demo.swapper(), log);
        demo.runRounds(log, "; humming", n -> {
            // invokeEach never throws because of a plugin: a failing plugin is logged by the runtime.
            demo.swapper().invokeEach("hum", n);
            unloads.report();
        });
    }
}
