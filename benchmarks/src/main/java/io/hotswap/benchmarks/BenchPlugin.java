package io.hotswap.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * A generated plugin of a given number of classes, in two variants that differ only in one
 * resource: same code, different hash, so switching between them makes a real reload.
 *
 * @param module     the plugin's module name
 * @param classes    how many classes its jar holds (module-info not counted)
 * @param variants   one directory per variant, each holding only that variant's jar: a benchmark
 *                   points the swapper at one or the other, with no file copied in the timed part
 * @param firstValue what {@code invokeFunc("first")} answers: the sum over every class, so the
 *                   first call loads them all
 */
record BenchPlugin(String module, int classes, List<Path> variants, int firstValue) implements BenchModule {

    BenchPlugin {
        variants = List.copyOf(variants);
    }

    /** The floor resolves the plugin's jar alone. */
    @Override
    public List<Path> floor(long i) {
        return List.of(jar(i));
    }

    @Override
    public Object expectedFirst() {
        return firstValue;
    }
}
