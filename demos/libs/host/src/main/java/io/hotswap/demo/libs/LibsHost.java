package io.hotswap.demo.libs;

import io.hotswap.demo.host.DemoHost;
import io.hotswap.runtime.Invocation;
import org.slf4j.Logger;

/**
 * The libs demo's host: two plugin bundles, billing and shipping, each carrying its own Gson
 * (2.10.1 and 2.13.2) nested in its jar. Every two seconds the host calls {@code json} on each and
 * logs one line per plugin with the Gson version that plugin's layer resolved and the JSON it
 * wrote, for example {@code billing v1 runs Gson 2.10.1: {"n":3}}. A reload that changes one
 * plugin's library gives that plugin a new layer with the new Gson; the other is carried over.
 *
 * <p>Usage: {@code libs <pluginDir> [name]} (name default {@code libs}).
 */
public final class LibsHost {

    private LibsHost() {
    }

    public static void main(String[] args) {
        DemoHost demo = DemoHost.start(args, LibsHost.class, "libs", "json", b -> b,
                "two plugins, each bundling its own Gson; calls invokeEach(\"json\", n) every two seconds;\n  reload it with: hotswap reload --host <name>");
        Logger log = demo.log();
        demo.runRounds("; calling each plugin", n -> {
            // invokeEach never throws because of a plugin: a failing plugin is logged by the runtime
            // and comes back as a failed invocation, which has nothing to print here.
            for (Invocation call : demo.swapper().invokeEach("json", n)) {
                call.value().ifPresent(answer -> log.info("Call #{}: {}", n, answer));
            }
        });
    }
}
