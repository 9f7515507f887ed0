package io.hotswap.demo.slink;

import io.hotswap.demo.host.DemoHost;

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

    private SlinkHost() {
    }

    public static void main(String[] args) {
        // hotswap reload --host <name> is answered with the refusal.
        DemoHost host = DemoHost.start(args, SlinkHost.class, "slink", "tick", b -> b.staticLinking(true),
                "static linking: the plugins are modules on the host's own --module-path (run.sh sets it);\n  a reload is refused");
        host.runRounds(" statically (static linking: " + host.swapper().staticLinking() + "); ticking",
                n -> host.swapper().invokeEach("tick", n));
    }
}
