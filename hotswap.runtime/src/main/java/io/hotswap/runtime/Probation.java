package io.hotswap.runtime;

import io.hotswap.runtime.call.CallTally;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;

/**
 * The probation of a swapper: after a reload the replaced generation is kept (not retired, so not
 * freed; the swapper routes no call to it) for a set time, so that a rollback can make it current
 * again in one step; the rule is judged on the runtime's probation thread meanwhile.
 *
 * <p><b>State.</b> One {@link AtomicReference} to a {@link State}: {@link Idle} or one
 * {@link Trial}. A trial begins only under the swapper's reload lock; it
 * ends by a compare-and-set from that very trial, by whoever comes first: the end of its time (on
 * the probation thread, without the lock, so that a long reload never holds a pass back), or under
 * the lock a rollback, a reload that supersedes it, or close. The one that wins owns what follows:
 * retiring the kept generation (pass, reload, close) or making it current again (rollback).
 *
 * <p>A trial holds both generations; an ended one is forgotten (only its outcome, numbers and
 * text, is kept), so probation never pins a generation that was rolled back from.
 */
final class Probation implements AutoCloseable {

    /** Makes the kept generation of {@code trial} current again; the swapper does it under its lock. */
    @FunctionalInterface
    interface AutoRollback {
        /** @return false if the lock could not be had in time: the rule is judged again later */
        boolean rollBack(Trial trial, String reason);
    }

    private sealed interface State permits Idle, Trial {
    }

    /** Nothing on trial. */
    private record Idle() implements State {
    }

    /** How a rule is judged: at a failure (the ratio only), at an interval, or at the end of the time. */
    private enum Judging { FAILURE, TICK, LAST }

    /** One generation on trial, with the one it replaced kept. Identity matters: states are compared by it. */
    static final class Trial implements State {
        private final Instant since = Instant.now();
        private final Generation generation;
        private final Instant until;
        private final Generation kept;
        private final CompletableFuture<ProbationOutcome> outcome = new CompletableFuture<>();
        private final CallTally tally;
        // The end of its time and the judging at intervals: cancelled when it ends.
        private final List<ScheduledFuture<?>> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
        // Coalesces the judgings that failures ask for: at most one is queued.
        private final AtomicBoolean judgingQueued = new AtomicBoolean();

        private Trial(Generation generation, Generation kept, Duration length, Runnable onFailure) {
            this.generation = generation;
            this.kept = kept;
            this.until = since.plus(length);
            this.tally = new CallTally(onFailure);
        }

        Generation generation() {
            return generation;
        }

        Generation kept() {
            return kept;
        }

        CallTally.Figures figures() {
            return tally.figures();
        }
    }

    private final SwapperConfig config;
    private final Retirement retirement;
    private final HookThreads hooks;
    // From the config, read on every judging.
    private final Duration length;
    private final ProbationRule rule;
    private final Logger log;
    private final AtomicReference<State> state = new AtomicReference<>(new Idle());
    // How the last trial ended; written by the one that ended it, right after it won.
    private volatile ProbationOutcome last;
    // Null when probation is off.
    private final ScheduledThreadPoolExecutor executor;
    private volatile AutoRollback autoRollback;
    // Outcomes to complete once the reload lock is released.
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> settled = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * @param config its probation time (zero: off), rule and hook timeout
     * @param hooks  the threads the host's health check runs on, at most the hook timeout each
     */
    Probation(SwapperConfig config, Retirement retirement, HookThreads hooks) {
        this.config = config;
        this.retirement = retirement;
        this.hooks = hooks;
        this.length = config.probation();
        this.rule = config.probationRule();
        this.log = config.log();
        this.executor = length.isZero() ? null : RuntimeThreads.scheduler("hotswap-probation-" + config.name());
    }

    /** Who rolls back when the rule fails: the swapper, set once it is built. */
    void rollBackWith(AutoRollback rollback) {
        this.autoRollback = rollback;
    }

    boolean on() {
        return executor != null;
    }

    /**
     * Under the reload lock, before {@code next} becomes current in place of {@code previous}: ends
     * the trial that runs (superseded), and begins {@code next}'s, keeping {@code previous}, if
     * probation is on. Returns the generations the caller retires once {@code next} is current.
     */
    List<Generation> swapping(Generation previous, Generation next) {
        List<Generation> retire = new ArrayList<>(2);
        State s = state.get();
        if (s instanceof Trial running) {
            end(running, ProbationOutcome.Verdict.SUPERSEDED, "generation " + next.number() + " replaced it")
                    .ifPresent(o -> {
                        retire.add(running.kept);
                        settled(running, o);
                    });
        }
        if (!on() || previous.number() == 0) { // the first load replaces nothing worth keeping
            retire.add(previous);
            return retire;
        }
        Trial[] self = new Trial[1];
        Trial trial = new Trial(next, previous, length, () -> failureSeen(self[0]));
        self[0] = trial;
        next.gate().startTally(trial.tally);
        state.set(trial); // under the lock: nothing else begins a trial, and nothing ends one that is not yet set
        log.info("Generation {} is on probation until {} ({}); generation {} is kept for a rollback", next.number(),
                trial.until, rule, previous.number());
        return retire;
    }

    /**
     * Under the reload lock, once the generation on trial is current: its time starts. Not before:
     * a pass retires the kept generation, which must not be current any more by then.
     */
    void swapped() {
        if (!(state.get() instanceof Trial trial)) {
            return;
        }
        try {
            // The interval's task first: a pass (the last task's) cancels what it finds in the list.
            if (rule.judges()) {
                long every = rule.checkInterval().toNanos();
                trial.tasks.add(executor.scheduleWithFixedDelay(() -> judge(trial, Judging.TICK), every, every,
                        TimeUnit.NANOSECONDS));
            }
            trial.tasks.add(executor.schedule(() -> judge(trial, Judging.LAST), length.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            // Closing: close() ends the trial.
        }
        if (state.get() != trial) {
            trial.tasks.forEach(t -> t.cancel(false)); // it ended while its tasks were being scheduled
        }
    }

    /** The trial running now, if one is. */
    Optional<Trial> trial() {
        return state.get() instanceof Trial t ? Optional.of(t) : Optional.empty();
    }

    /**
     * Ends {@code trial}, if it is still the one on trial: calls are no longer counted. The caller
     * that gets the outcome owns what follows, and completes {@link #completed} once done.
     */
    Optional<ProbationOutcome> end(Trial trial, ProbationOutcome.Verdict verdict, String reason) {
        CallTally.Figures f = trial.tally.figures();
        ProbationOutcome outcome = new ProbationOutcome(trial.generation.number(), trial.kept.number(), verdict, reason,
                Instant.now(), f.calls(), f.failures());
        if (!state.compareAndSet(trial, new Idle())) {
            return Optional.empty();
        }
        last = outcome;
        trial.generation.gate().stopTally();
        trial.tasks.forEach(t -> t.cancel(false));
        return Optional.of(outcome);
    }

    /**
     * Queues the telling of who waits for {@code trial}'s outcome, once what follows its end is
     * done: under the reload lock it must not run (a waiter's callback may reload), so the swapper
     * calls {@link #tellWaiting()} once it has released the lock.
     */
    void settled(Trial trial, ProbationOutcome outcome) {
        settled.add(() -> trial.outcome.complete(outcome));
    }

    /** Completes the outcomes queued by {@link #settled}; outside the reload lock. */
    void tellWaiting() {
        for (Runnable r; (r = settled.poll()) != null; ) {
            r.run();
        }
    }

    /** Why there is nothing to roll back to now. */
    String refusal() {
        if (!on()) {
            return "no generation on probation: probation is off for swapper " + config.name()
                    + " (Swapper.Builder.probation), so a replaced generation is freed after its free delay";
        }
        ProbationOutcome o = last;
        if (o == null) {
            return "no generation on probation: nothing was reloaded yet";
        }
        return switch (o.verdict()) {
            case PASSED -> "no generation on probation: the previous one (generation " + o.kept() + ") was freed at "
                    + o.at() + ", when the probation of generation " + o.generation() + " passed";
            case ROLLED_BACK, ROLLED_BACK_AUTOMATICALLY -> "no generation on probation: generation " + o.generation()
                    + " was already rolled back to generation " + o.kept() + " at " + o.at() + " (" + o.reason() + ")";
            case SUPERSEDED, CLOSED -> "no generation on probation: " + o.reason() + " at " + o.at();
        };
    }

    Optional<ProbationStatus> status() {
        return trial().map(t -> {
            CallTally.Figures f = t.tally.figures();
            return new ProbationStatus(t.generation.number(), t.kept.number(), t.since, t.until, f.calls(), f.failures());
        });
    }

    Optional<ProbationOutcome> last() {
        return Optional.ofNullable(last);
    }

    /**
     * Completes with the outcome of {@code generation}'s probation: at once if it was the last one
     * to end; exceptionally if it is not on probation and was not.
     */
    CompletionStage<ProbationOutcome> outcome(long generation) {
        State s = state.get();
        if (s instanceof Trial t && t.generation.number() == generation) {
            return t.outcome.minimalCompletionStage();
        }
        ProbationOutcome ended = last;
        if (ended != null && ended.generation() == generation) {
            return CompletableFuture.completedStage(ended);
        }
        return CompletableFuture.failedStage(new IllegalArgumentException("generation " + generation
                + " is not on probation, and the last probation to end was not its: " + refusal()));
    }

    // ---- the probation thread

    private void failureSeen(Trial trial) {
        if (rule.maxFailureRatio().isPresent() && trial.judgingQueued.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    trial.judgingQueued.set(false);
                    judge(trial, Judging.FAILURE);
                });
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    private void judge(Trial trial, Judging judging) {
        if (state.get() != trial) {
            return;
        }
        try {
            Optional<String> failed = ratioFailed(trial);
            if (failed.isEmpty() && judging != Judging.FAILURE) {
                failed = healthFailed(trial);
            }
            if (failed.isPresent()) {
                AutoRollback rollback = autoRollback;
                if (rollback != null && !rollback.rollBack(trial, failed.get()) && judging == Judging.LAST) {
                    // The lock was busy: judge once more shortly rather than pass a failing generation.
                    executor.schedule(() -> judge(trial, Judging.LAST), rule.checkInterval().toNanos(),
                            TimeUnit.NANOSECONDS);
                }
            } else if (judging == Judging.LAST) {
                pass(trial);
            }
        } catch (RejectedExecutionException e) {
            // closing
        } catch (RuntimeException e) {
            log.warn("Swapper {}: judging the probation of generation {} failed; will judge again", config.name(),
                    trial.generation.number(), e);
        }
    }

    private Optional<String> ratioFailed(Trial trial) {
        if (rule.maxFailureRatio().isEmpty()) {
            return Optional.empty();
        }
        CallTally.Figures f = trial.tally.figures();
        double max = rule.maxFailureRatio().getAsDouble();
        if (f.calls() < rule.minCalls() || f.ratio() <= max) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT,
                "%d of %d calls failed (ratio %.3f, above %s over at least %d calls); failed calls by plugin: %s",
                f.failures(), f.calls(), f.ratio(), max, rule.minCalls(), f.byPlugin()));
    }

    private Optional<String> healthFailed(Trial trial) {
        if (rule.healthCheck().isEmpty()) {
            return Optional.empty();
        }
        HealthCheck check = rule.healthCheck().get();
        Future<Boolean> answer = hooks.submit(() -> check.healthy(trial.generation));
        try {
            return answer.get(config.hookTimeout().toNanos(), TimeUnit.NANOSECONDS) ? Optional.empty()
                    : Optional.of("the host's health check said generation " + trial.generation.number() + " is unhealthy");
        } catch (ExecutionException e) {
            return Optional.of("the host's health check threw " + e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Optional.of("the host's health check did not answer within " + ReloadAttempt.seconds(config.hookTimeout()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return Optional.empty(); // closing
        }
    }

    private void pass(Trial trial) {
        Optional<ProbationOutcome> passed = end(trial, ProbationOutcome.Verdict.PASSED,
                "its probation of " + ReloadAttempt.seconds(length) + " passed (" + rule + ")");
        if (passed.isEmpty()) {
            return; // a rollback, a reload or close came first
        }
        retirement.retire(trial.kept);
        ProbationOutcome o = passed.get();
        log.info("Generation {} passed its probation ({} of {} calls failed); generation {} is freed after its free delay",
                o.generation(), o.failures(), o.calls(), o.kept());
        trial.outcome.complete(o);
    }

    /**
     * Under the reload lock, as the swapper closes: ends the trial, if one runs, and answers the
     * kept generation for the caller to retire with the rest. Stops the probation thread, without
     * waiting for it (it may be waiting for the lock the caller holds).
     */
    Optional<Generation> close(String why) {
        Optional<Generation> kept = Optional.empty();
        Optional<Trial> t = trial();
        if (t.isPresent()) {
            Optional<ProbationOutcome> o = end(t.get(), ProbationOutcome.Verdict.CLOSED, why);
            if (o.isPresent()) {
                kept = Optional.of(t.get().kept);
                settled(t.get(), o.get());
            }
        }
        close();
        return kept;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
