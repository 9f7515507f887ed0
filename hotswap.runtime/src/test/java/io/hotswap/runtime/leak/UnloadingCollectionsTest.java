package io.hotswap.runtime.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnloadingCollectionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"G1 Young Generation", "PS Scavenge", "Copy", "ParNew", "ZGC Minor Cycles", "ZGC Minor Pauses",
            "ZGC Pauses", "ZGC Major Pauses", "Shenandoah Pauses"})
    void aYoungCollectorOrAPauseCountNeverCounts(String bean) {
        assertThat(UnloadingCollections.canUnloadClasses(bean)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"G1 Old Generation", "G1 Concurrent GC", "PS MarkSweep", "MarkSweepCompact", "ConcurrentMarkSweep",
            "ZGC Cycles", "ZGC Major Cycles", "Shenandoah Cycles"})
    void aFullOrConcurrentCycleCounts(String bean) {
        assertThat(UnloadingCollections.canUnloadClasses(bean)).isTrue();
    }

    @Test
    void anExplicitCollectionCountsAndTheCountNeverGoesBack() {
        long before = UnloadingCollections.count();
        System.gc(); // a full collection under the collectors the tests run with (no -XX:+DisableExplicitGC)
        assertThat(UnloadingCollections.count()).isGreaterThan(before);
        assertThat(ManagementFactory.getGarbageCollectorMXBeans()).extracting(GarbageCollectorMXBean::getName)
                .anyMatch(UnloadingCollections::canUnloadClasses);
    }
}
