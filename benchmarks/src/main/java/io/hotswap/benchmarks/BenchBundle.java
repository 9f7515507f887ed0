package io.hotswap.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * A generated plugin bundle: the plugin's own jar with real libraries nested under
 * {@code META-INF/hotswap/lib/}, in two variants that differ only in one resource of the plugin
 * (same code, another hash), so switching between them makes a real reload.
 *
 * @param module       the plugin's module name
 * @param variants     one directory per variant, each holding only that variant's bundle
 * @param floorModules per variant, the same modules as separate files for the JDK's
 *                     {@code ModuleFinder.of}: the plugin's plain jar and each nested jar, written
 *                     out from the bundle's bytes
 * @param libraries    what is nested, for the report: {@code jackson-databind-2.17.2.jar, ...}
 * @param libraryBytes the nested jars' size, together
 * @param firstValue   what {@code invokeFunc("first")} answers
 */
record BenchBundle(String module, List<Path> variants, List<List<Path>> floorModules, List<String> libraries,
                   long libraryBytes, String firstValue) implements BenchModule {

    BenchBundle {
        variants = List.copyOf(variants);
        floorModules = floorModules.stream().map(List::copyOf).toList();
        libraries = List.copyOf(libraries);
    }

    /** The floor's module files for the {@code i}-th reload: the plugin's plain jar, then the nested jars. */
    @Override
    public List<Path> floor(long i) {
        return floorModules.get((int) (i % floorModules.size()));
    }

    @Override
    public Object expectedFirst() {
        return firstValue;
    }

    /** {@code jackson-databind-2.17.2 and 2 more jars (2.2 MiB)}: the report's name for the nested libraries. */
    String describeLibraries() {
        String more = libraries.size() > 1 ? " and %d more jar%s".formatted(libraries.size() - 1, libraries.size() > 2 ? "s" : "") : "";
        return "%s%s (%.1f MiB)".formatted(libraries.get(0), more, libraryBytes / 1048576.0);
    }
}
