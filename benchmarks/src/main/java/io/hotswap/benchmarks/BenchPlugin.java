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
record BenchPlugin(String module, int classes, List<Path> variants, int firstValue) {

    BenchPlugin {
        variants = List.copyOf(variants);
    }

    /** The variant directory for the {@code i}-th reload: they alternate. */
    Path dir(long i) {
        return variants.get((int) (i % variants.size()));
    }

    /** The jar of the {@code i}-th variant. */
    Path jar(long i) {
        return dir(i).resolve(module + ".jar");
    }
}
