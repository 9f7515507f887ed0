package io.hotswap.benchmarks;

import io.hotswap.api.Plugin;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The floor of a reload: what the JDK alone does to give a module a layer of its own and call it,
 * with none of the runtime's checks, bookkeeping or hand-offs. {@code ModuleFinder.of} on the
 * module's files, {@code Configuration.resolve} over the boot layer,
 * {@code ModuleLayer.defineModulesWithOneLoader}, the plugin's provider from {@code ServiceLoader},
 * and its first call. Any design that gives every plugin version its own {@code ModuleLayer} pays
 * at least this.
 */
final class ModuleLayerFloor {

    /**
     * One pass, timed.
     *
     * @param steps nanoseconds of find + resolve, define layer, service lookup and first call
     * @param first what the first call answered
     */
    record Pass(long[] steps, Object first) {

        long total() {
            long sum = 0;
            for (long s : steps) {
                sum += s;
            }
            return sum;
        }
    }

    private ModuleLayerFloor() {
    }

    /** A layer for the {@code i}-th variant of {@code target}, its provider and its first call. */
    static Pass pass(BenchModule target, long i) throws Exception {
        ModuleLayer boot = ModuleLayer.boot();
        long t0 = System.nanoTime();
        Configuration cf = Configuration.resolve(ModuleFinder.of(target.floor(i).toArray(Path[]::new)),
                List.of(boot.configuration()), ModuleFinder.of(), Set.of(target.module()));
        long t1 = System.nanoTime();
        ModuleLayer layer = ModuleLayer.defineModulesWithOneLoader(cf, List.of(boot),
                ClassLoader.getPlatformClassLoader()).layer();
        long t2 = System.nanoTime();
        Plugin p = ServiceLoader.load(layer, Plugin.class).stream()
                .filter(provider -> provider.type().getModule().getLayer() == layer)
                .findFirst().orElseThrow().get();
        long t3 = System.nanoTime();
        Object first = p.invokeFunc("first");
        long t4 = System.nanoTime();
        target.checkFirst(first);
        return new Pass(new long[] {t1 - t0, t2 - t1, t3 - t2, t4 - t3}, first);
    }
}
