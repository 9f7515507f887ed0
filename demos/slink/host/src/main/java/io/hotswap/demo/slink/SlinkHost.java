package io.hotswap.demo.slink;

import io.hotswap.demo.host.DemoHost;
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

    private SlinkHost() {
    }

    public static void main(String[] args) {
        DemoHost host = DemoHost.start(args, "slink",
                "static linking: the plugins are modules on the host's own --module-path (run.sh sets it);\n  a reload is refused",
                "tick", b -> b.staticLinking(true)); // hotswap reload --host <name> is answered with the refusal
        host.runRounds(log, " statically (static linking: " + host.swapper().staticLinkingMode() + "); ticking",
                n -> host.swapper().invokeEach("tick", n));
    }
}
