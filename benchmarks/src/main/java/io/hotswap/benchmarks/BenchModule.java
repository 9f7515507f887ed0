package io.hotswap.benchmarks;

import io.hotswap.runtime.PluginOutcome;
import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.Swapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a benchmark reloads: a generated plugin ({@link BenchPlugin}) or plugin bundle
 * ({@link BenchBundle}), in variants that differ only in one resource (same code, another hash), so
 * switching between them makes a real reload.
 */
sealed interface BenchModule permits BenchPlugin, BenchBundle {

    /** The plugin's module name. */
    String module();

    /** One directory per variant, each holding only that variant's jar. */
    List<Path> variants();

    /** The module files the floor resolves for the {@code i}-th reload, the plugin's first. */
    List<Path> floor(long i);

    /** What {@code invokeFunc("first")} answers. */
    Object expectedFirst();

    /** The variant directory for the {@code i}-th reload: they alternate. */
    default Path dir(long i) {
        return variants().get((int) (i % variants().size()));
    }

    /** The jar of the {@code i}-th variant. */
    default Path jar(long i) {
        return dir(i).resolve(module() + ".jar");
    }

    /** Fails unless {@code details} say this plugin got a new layer. */
    default void checkReloaded(ReloadDetails details) {
        if (!details.outcome(module()).equals(Optional.of(PluginOutcome.OK))) {
            throw new IllegalStateException("reload of " + module() + " did not load a new layer: " + details);
        }
    }

    /** Fails unless {@code first} is what {@code invokeFunc("first")} answers. */
    default void checkFirst(Object first) {
        if (!expectedFirst().equals(first)) {
            throw new IllegalStateException(module() + " answered " + first + " to first, expected " + expectedFirst());
        }
    }

    /** The current generation's first call into this plugin. */
    default Object callFirst(Swapper swapper) throws Exception {
        return swapper.current().find(module()).orElseThrow().invokeFunc("first");
    }

    /** Points {@code swapper} at the {@code i}-th variant, reloads and calls the new version, checking both. */
    default void reloadAndCall(Swapper swapper, long i) throws Exception {
        swapper.resetPluginDir(dir(i));
        checkReloaded(swapper.reload(null));
        checkFirst(callFirst(swapper));
    }
}
