package io.hotswap.demo.hello;

import io.hotswap.demo.host.DemoHost;

/**
 * The hello demo's host: loads every plugin of the plugin directory at start-up, then calls
 * {@code invokeEach("hum", n)} every two seconds. A reload comes from outside, through the
 * management endpoint ({@code hotswap reload --host hello}); the host itself never reloads.
 *
 * <p>Usage: {@code hello <pluginDir> [name]}; the name (default {@code hello}) is what
 * {@code hotswap reload --host} finds the host by.
 */
public final class HelloHost {

    private HelloHost() {
    }

    public static void main(String[] args) {
        DemoHost demo = DemoHost.start(args, HelloHost.class, "hello", "hum", b -> b,
                "loads every plugin of <pluginDir> and calls invokeEach(\"hum\", n) every two seconds;\n  reload it with: hotswap reload --host <name>");
        // invokeEach never throws because of a plugin: a failing plugin is logged by the runtime.
        demo.runRounds("; humming", n -> demo.swapper().invokeEach("hum", n));
    }
}
