package io.hotswap.runtime.leak;

import io.hotswap.runtime.leak.HolderCheck.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * One look for what holds freed plugin versions: every check this JVM allows, over one snapshot
 * of the live threads, for as many versions as the sweep that starts it needs. Cheap: each check
 * reads one JDK registry; none walks the heap.
 */
public final class HolderSearch {

    // Which checks the JVM allows is fixed at its start (the boot layer, --add-opens): found once.
    private static final List<HolderCheck> CHECKS = checks(HolderSearch.class.getModule());

    private final Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();

    private HolderSearch() {
    }

    /** Takes the snapshot of live threads the checks share. */
    public static HolderSearch start() {
        return new HolderSearch();
    }

    /**
     * What holds one freed version. A check that fails is logged at debug and the others still run:
     * the watch names what it can, and never breaks the host.
     *
     * @param layer the version's layer; null if it was collected before its loader
     */
    public Holders of(String plugin, ClassLoader loader, String loaderName, ModuleLayer layer, Logger log) {
        Target target = new Target(loader, loaderName, layer, threads);
        Found found = new Found();
        for (HolderCheck check : CHECKS) {
            try {
                check.find(target, found);
            } catch (RuntimeException | LinkageError e) {
                log.debug("Plugin {}: the leak watch's {} check failed; it names what the others find", plugin,
                        check.getClass().getSimpleName(), e);
            }
        }
        return found.holders();
    }

    /** The checks the JVM allows a module {@code self}. */
    static List<HolderCheck> checks(Module self) {
        List<HolderCheck> checks = new ArrayList<>();
        checks.add(new LiveThreads());
        JdbcDrivers.available().ifPresent(checks::add);
        // Not by a method reference: linking one would load LoggingHandlers, which links java.logging.
        Optional<Module> logging = ModuleLayer.boot().findModule("java.logging");
        if (logging.isPresent()) {
            checks.add(new LoggingHandlers(logging.get()));
        }
        ShutdownHooks.available(self).ifPresent(checks::add);
        ThreadLocalValues.available(self).ifPresent(checks::add);
        return List.copyOf(checks);
    }
}
