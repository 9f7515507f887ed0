package io.hotswap.demo.extension;

import io.hotswap.demo.extension.spi.Greetings;
import io.hotswap.runtime.Generation;
import org.slf4j.Logger;
import io.hotswap.demo.host.DemoHost;

/**
 * The extension demo's host: every generation gets a fresh {@link Greetings} from the host's
 * factory, the plugin installs its greeter function there in {@code onInit}, and every two
 * seconds the host greets a visitor through the current generation's extension. After a reload
 * the host calls the new function without knowing any plugin type.
 *
 * <p>Usage: {@code extension <pluginDir> [name]} (name default {@code extension}).
 */
public final class ExtensionHost {

    private ExtensionHost() {
    }

    public static void main(String[] args) {
        DemoHost host = DemoHost.start(args, ExtensionHost.class, "extension", "greet", b -> b.extensionFactory(Greetings::new),
                "greets a visitor every two seconds through the current generation's extension;\n  reload it with: hotswap reload --host <name>");
        host.runRounds("; greeting", visitor -> greet(host, visitor));
    }

    private static void greet(DemoHost host, long visitor) {
        Logger log = host.log();
        Generation g = host.swapper().current();
        try {
            String greeting = g.vault().extension(Greetings.class).greet("visitor #" + visitor);
            log.info("Generation {}: the extension says \"{}\"", g.number(), greeting);
        } catch (RuntimeException e) {
            // A plugin's function failed or none is installed: the host keeps running and says so.
            log.warn("Generation {}: the extension could not greet visitor #{}: {}", g.number(), visitor, e.toString());
        }
    }
}
