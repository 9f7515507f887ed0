package io.hotswap.runtime;

import io.hotswap.runtime.layer.DefinedLayer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The time a load or reload spends in each step, for {@link ReloadDetails#steps()}, and the one
 * way a hook runs: timed, under the plugin's context loader, a failure turned into a
 * {@link HookException} naming the plugin and the step. One per reload, on its thread only.
 */
final class ReloadSteps {

    /** One hook of one plugin, as the caller runs it (e.g. under its context loader). */
    @FunctionalInterface
    interface Hook<T> {
        T run(Callable<T> call) throws Exception;
    }

    // Nanoseconds per step: a handful of nanoTime calls per plugin.
    private final Map<ReloadStep, Long> nanos = new EnumMap<>(ReloadStep.class);
    // Told each step as it starts: the caller's wait gives up on one past its limit.
    private final ReloadAttempt attempt;

    ReloadSteps(ReloadAttempt attempt) {
        this.attempt = attempt;
    }

    /** A step about no plugin in particular starts; answers now. */
    long begin(ReloadStep step) {
        attempt.begin(null, null, step, Optional.empty());
        return System.nanoTime();
    }

    /** A step of one plugin starts; answers now. */
    long begin(String plugin, String version, ReloadStep step, Optional<DefinedLayer> layer) {
        attempt.begin(plugin, version, step, layer);
        return System.nanoTime();
    }

    /** The attempt this build reports to: whether the caller gave up on it, and which plugin was stuck. */
    ReloadAttempt attempt() {
        return attempt;
    }

    /** Adds the time since {@code since} to {@code step}; answers now, the start of the next step. */
    long charge(ReloadStep step, long since) {
        long now = System.nanoTime();
        nanos.merge(step, now - since, Long::sum);
        return now;
    }

    /**
     * Runs {@code call} through {@code runner}, charged to {@code step}, in {@code layer} (the
     * plugin version's, so that a hook that never returns can be named by the leak watch).
     *
     * @throws HookException naming {@code plugin} and {@code step} if the hook threw
     */
    <T> T hook(String plugin, String version, Optional<DefinedLayer> layer, ReloadStep step, Hook<T> runner,
               Callable<T> call) {
        long t = begin(plugin, version, step, layer);
        try {
            return runner.run(call);
        } catch (ReloadException e) {
            throw e;
        } catch (Throwable e) {
            throw new HookException(plugin, step, null, e);
        } finally {
            charge(step, t);
        }
    }

    Map<ReloadStep, Duration> durations() {
        Map<ReloadStep, Duration> steps = new EnumMap<>(ReloadStep.class);
        nanos.forEach((step, n) -> steps.put(step, Duration.ofNanos(n)));
        return steps;
    }
}
