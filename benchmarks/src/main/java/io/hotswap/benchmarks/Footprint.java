package io.hotswap.benchmarks;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;

/** Loaded classes and Metaspace in use at one moment (taken after a GC by the memory benchmarks). */
record Footprint(long classes, long metaspaceUsed, long metaspaceCommitted) {

    static Footprint now() {
        ClassLoadingMXBean cl = ManagementFactory.getClassLoadingMXBean();
        MemoryPoolMXBean meta = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().equals("Metaspace")).findFirst()
                .orElseThrow(() -> new IllegalStateException("this JVM has no Metaspace memory pool"));
        return new Footprint(cl.getLoadedClassCount(), meta.getUsage().getUsed(), meta.getUsage().getCommitted());
    }

    String describe() {
        return "%,d classes, Metaspace %.1f MiB used (%.1f committed)"
                .formatted(classes, metaspaceUsed / 1048576.0, metaspaceCommitted / 1048576.0);
    }
}
