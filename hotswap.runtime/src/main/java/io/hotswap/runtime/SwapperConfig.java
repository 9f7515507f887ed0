package io.hotswap.runtime;

import io.hotswap.runtime.jar.FileStamps;
import io.hotswap.runtime.jar.JarLimits;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The options a swapper was built with; immutable, validated by {@link Swapper.Builder}.
 *
 * @param probation how long a replaced generation is kept for a rollback; zero: off (and always
 *                  off with static linking, which never reloads)
 */
record SwapperConfig(String name, Logger log, ModuleLayer hostLayer, Set<String> whitelist,
                     Supplier<?> extensionFactory, ReloadCallback reloadCallback, Duration freeDelay,
                     int leakGcCycles, Duration leakMinAge, Duration leakCheckInterval, String livePrefix,
                     boolean staticLinking, JarLimits jarLimits, Duration hookTimeout, Duration probation,
                     ProbationRule probationRule, FileStamps fileStamps) {

    SwapperConfig {
        whitelist = Set.copyOf(whitelist);
    }
}
