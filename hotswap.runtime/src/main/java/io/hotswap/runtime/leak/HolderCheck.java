package io.hotswap.runtime.leak;

import java.util.Map;

/**
 * One kind of holder. A check reads only what the JDK lets the runtime read as it runs (a check
 * that needs more is not made at all) and never changes what it reads.
 */
sealed interface HolderCheck permits LiveThreads, JdbcDrivers, LoggingHandlers, ShutdownHooks, ThreadLocalValues {

    /**
     * One freed version, as a search sees it.
     *
     * @param loader     its class loader
     * @param loaderName that loader's name, as stack frames give it
     * @param layer      its layer, whose modules tell which JDK modules it could use; null if
     *                   collected before the loader
     * @param threads    every live thread's stack, taken once per search however many versions it checks
     */
    record Target(ClassLoader loader, String loaderName, ModuleLayer layer, Map<Thread, StackTraceElement[]> threads) {
    }

    /** Adds to {@code found} what of this kind holds classes of the target's loader. */
    void find(Target target, Found found);

    /**
     * Whether some module of {@code layer} reads {@code jdkModule}: else it cannot have made a holder
     * of it. True if the layer itself was collected before its loader: nothing tells then.
     */
    static boolean reads(ModuleLayer layer, Module jdkModule) {
        return layer == null || layer.modules().stream().anyMatch(m -> m.canRead(jdkModule));
    }

    /** Whether {@code object}'s class is one of the freed version's. */
    static boolean ofLoader(Object object, ClassLoader loader) {
        return object != null && object.getClass().getClassLoader() == loader;
    }
}
