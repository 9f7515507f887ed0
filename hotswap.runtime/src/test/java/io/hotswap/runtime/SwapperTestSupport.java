package io.hotswap.runtime;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;

/** Builders and probes shared by the runtime's tests. */
final class SwapperTestSupport {

    private SwapperTestSupport() {
    }

    /** A swapper with no free delay, as tests want. */
    static Swapper.Builder swapper(Path dir) {
        return Swapper.builder(dir).name("test").freeDelay(Duration.ZERO);
    }

    /** A weak reference to the class loader of a plugin of the current generation. */
    static WeakReference<ClassLoader> loaderOf(Swapper swapper, String plugin) {
        return new WeakReference<>(swapper.current().find(plugin).orElseThrow().plugin().getClass().getClassLoader());
    }

    static Object call(Swapper swapper, String plugin) throws Exception {
        return swapper.current().find(plugin).orElseThrow().invokeFunc("version");
    }

}
