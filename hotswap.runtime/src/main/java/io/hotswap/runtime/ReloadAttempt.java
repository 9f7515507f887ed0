package io.hotswap.runtime;

import io.hotswap.runtime.layer.DefinedLayer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One load or reload while it runs: the step it is at (written by the build's thread, read by the
 * caller that waits for it and by {@code status}), and the caller's wait, which gives up on a step
 * past its limit.
 *
 * <p>The build runs on a hook thread, the caller waits here: when a step (a hook, the host's
 * callback, any step) does not end within the limit, the build is interrupted and abandoned, the
 * caller gets a {@link HookException} naming the plugin, the step and the limit, and the reload lock
 * is released by the caller as after any failure. An abandoned build never becomes current: only the
 * caller swaps.
 */
final class ReloadAttempt {

    /** The step running now; a new value for each step, so a wait can tell one from the next. */
    private record Step(String plugin, String version, ReloadStep step, long startedNanos, Instant startedAt,
                        Optional<DefinedLayer> layer) {
    }

    private final Instant since = Instant.now();
    private final Duration limit;
    private volatile Step current;
    private volatile boolean abandoned;
    private volatile Step stuck;
    private volatile Future<Reloader.Built> build;
    private volatile boolean cancelled;

    ReloadAttempt(Duration limit) {
        this.limit = limit;
        begin(null, null, ReloadStep.READ_JAR, Optional.empty());
    }

    /**
     * The build's thread starts a step of {@code plugin} (null for a step about none; its version
     * and layer when it has them).
     */
    void begin(String plugin, String version, ReloadStep step, Optional<DefinedLayer> layer) {
        current = new Step(plugin, version, step, System.nanoTime(), Instant.now(), layer);
    }

    /** Runs the build on a hook thread and waits for it as {@link #await} does. */
    Reloader.Built run(HookThreads threads, java.util.concurrent.Callable<Reloader.Built> task, String what) {
        Future<Reloader.Built> f = threads.submit(task);
        build = f;
        // A cancel that came before the future was published: cancel writes its flag then reads
        // the future, this thread writes the future then reads the flag, so one of them sees the other.
        if (cancelled) {
            f.cancel(true);
        }
        return await(f, what);
    }

    /** Gives up on the build now (the swapper closes): the waiting caller fails at once. */
    void cancel() {
        cancelled = true;
        abandoned = true;
        Future<Reloader.Built> f = build;
        if (f != null) {
            f.cancel(true);
        }
    }

    ReloadProgress progress() {
        Step s = current;
        return new ReloadProgress(since, Optional.ofNullable(s.plugin()), s.step(), s.startedAt());
    }

    /** Whether the caller gave up on this build. */
    boolean abandoned() {
        return abandoned;
    }

    /** A plugin version whose step did not end: its thread still runs the plugin's code. */
    record Stuck(String plugin, String version, DefinedLayer layer) {
    }

    /** The plugin version whose step did not end, if the build was abandoned in one of its hooks. */
    Optional<Stuck> stuck() {
        Step s = stuck;
        if (s == null || s.plugin() == null || s.layer().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Stuck(s.plugin(), s.version(), s.layer().get()));
    }

    /**
     * Waits for the build, each step at most the limit from its start.
     *
     * @throws HookException if a step did not end in time: the build was interrupted and abandoned
     */
    private Reloader.Built await(Future<Reloader.Built> build, String what) {
        long limitNanos = limit.toNanos();
        for (;;) {
            Step s = current;
            long wait = s.startedNanos() + limitNanos - System.nanoTime();
            try {
                return build.get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (current == s) {
                    stuck = s;
                    abandoned = true;
                    build.cancel(true);
                    throw new HookException(s.plugin(), s.step(), describe(s) + " within " + seconds(limit)
                            + "; " + what + " abandoned it (its thread was interrupted)", null);
                }
                // the build moved on to another step: wait for that one
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new SwapException(null, ReloadStep.SWAP, what + " failed", cause);
            } catch (CancellationException e) {
                throw new SwapException(null, ReloadStep.SWAP, what + " was cancelled", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandoned = true;
                build.cancel(true);
                throw new SwapException(s.plugin(), s.step(), "the thread waiting for " + what + " was interrupted", e);
            }
        }
    }

    private static String describe(Step s) {
        String label = s.step().label();
        if (label.endsWith("()")) {
            return label.substring(0, label.length() - 2) + " of " + s.plugin() + " did not return";
        }
        return "step '" + label + "'" + (s.plugin() == null ? "" : " of " + s.plugin()) + " did not end";
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
