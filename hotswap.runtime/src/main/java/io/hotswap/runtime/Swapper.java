package io.hotswap.runtime;

import io.hotswap.api.Plugin;
import io.hotswap.protocol.HostStatus;
import io.hotswap.protocol.LeakPathStatus;
import io.hotswap.protocol.Reply;
import io.hotswap.protocol.endpoint.EndpointDirectory;
import io.hotswap.runtime.event.SwapperAttachment;
import io.hotswap.runtime.event.SwapperEvent;
import io.hotswap.runtime.jar.FileStamps;
import io.hotswap.runtime.jar.JarLimits;
import io.hotswap.runtime.jfr.Jfr;
import io.hotswap.runtime.jfr.ReloadEvent;
import io.hotswap.runtime.jfr.RollbackEvent;
import io.hotswap.runtime.management.ManagedSwapper;
import io.hotswap.runtime.management.Management;
import io.hotswap.runtime.watch.FileWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the plugins of one directory, each version into its own {@link ModuleLayer}, and replaces
 * them while the host keeps running.
 *
 * <p><b>Concurrency.</b> {@link #current()} is one lock-free read of an {@link AtomicReference};
 * calls through a generation never wait for a reload. {@link #loadPlugins} and {@link #reload}
 * are serialized by one lock: a reload builds the next generation beside the current one and makes
 * it current in one atomic step, only if every step succeeded. The replaced generation is freed
 * on the runtime's own thread once its calls have returned; with {@link Builder#probation
 * probation} it is first kept for a while, and {@link #rollback()} (under the same lock, by the
 * same atomic step) makes it current again.
 *
 * <pre>{@code
 * try (Swapper swapper = Swapper.builder(Path.of("plugins")).freeDelay(Duration.ofSeconds(5)).build()) {
 *     swapper.loadPlugins(null);
 *     swapper.invokeEach("hum", 1);
 *     ReloadDetails details = swapper.reload(null);   // after a jar changed
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class Swapper implements AutoCloseable {

    // How long close() waits for a running reload to let the lock go, after cancelling it.
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final SwapperConfig config;
    private final Logger log;
    private final ReentrantLock reloadLock = new ReentrantLock();
    private final AtomicReference<Generation> current;
    private final AtomicLong reloadCounter = new AtomicLong();
    private final LeakWatch leakWatch;
    private final Retirement retirement;
    // The threads builds and frees run on, so that a caller can stop waiting for a stuck hook.
    private final HookThreads hookThreads;
    private final Duration hookTimeout;
    private final Duration reloadWait;
    // The load or reload running now, if any: for status, for a reload that has to wait, for close.
    private volatile ReloadAttempt attempt;
    // Written under the reload lock only; volatile so that status() can read it without the lock.
    private volatile Path pluginDir;
    // The data of the last loadPlugins/reload: what a reload from outside (endpoint, JMX, file
    // watch) passes to onLoad, since the requester cannot pass host objects.
    private volatile Object lastData;
    // Null when neither the endpoint nor JMX was asked for; also among the attachments.
    private final Management management;
    // The endpoint's owner-only directory, even without an endpoint: where a heap dump of
    // leakPaths() is written, and deleted.
    private final EndpointDirectory ownerDirectory;
    // What follows this swapper's events (management, file watch): told after the reload lock is
    // released, in this order. Fixed once built.
    private final List<SwapperAttachment> attachments;
    // Keeps a replaced generation for a rollback, and judges the new one; off unless asked for.
    private final Probation probation;
    // Files that automatic rollbacks rejected; written under the reload lock, read by status().
    private volatile Rejections rejections = Rejections.NONE;
    // The highest generation number made so far, under the reload lock: numbers are never reused,
    // so that after a rollback from 3 to 2 the next reload makes 4 (loader names stay unique).
    private long highestNumber;

    private Swapper(Builder b) {
        this.config = new SwapperConfig(b.name, b.log, b.hostLayer, b.whitelist, b.extensionFactory,
                b.reloadCallback, b.freeDelay, b.leakGcCycles, b.leakMinAge, b.leakCheckInterval, b.livePrefix, b.staticLinking,
                new JarLimits(b.maxPluginFileSize, b.maxInflatedSize), b.hookTimeout,
                b.staticLinking ? Duration.ZERO : b.probation, b.probationRule, b.fileStamps);
        this.log = b.log;
        this.pluginDir = b.pluginDir;
        this.current = new AtomicReference<>(Generation.empty(log));
        this.leakWatch = new LeakWatch(b.leakGcCycles, b.leakMinAge, b.collectWhenQuiet, log);
        this.hookTimeout = b.hookTimeout;
        this.reloadWait = b.reloadWait;
        this.hookThreads = new HookThreads(b.name);
        this.retirement = new Retirement(b.name, b.freeDelay, b.leakCheckInterval, b.hookTimeout, hookThreads,
                leakWatch, log);
        this.probation = new Probation(config, retirement, hookThreads);
        if (b.fileWatch && b.staticLinking) {
            log.warn("Swapper {}: static linking is on, so the file watch is off: nothing can be reloaded", b.name);
        }
        boolean watchFiles = b.fileWatch && !b.staticLinking;
        Management.Request request = null;
        this.ownerDirectory = b.managementBase == null ? EndpointDirectory.forCurrentUser()
                : EndpointDirectory.under(b.managementBase);
        if (b.managementEndpoint || b.jmx) {
            request = new Management.Request(b.managementEndpoint ? ownerDirectory : null, b.jmx, pluginDir,
                    b.managementReadTimeout);
        }
        Management opened = null;
        FileWatch watch = null;
        try {
            if (request != null && !b.managementInBackground) {
                opened = Management.open(new Managed(), request, log);
            }
            if (watchFiles) {
                watch = FileWatch.start(config.name(), pluginDir, b.watchQuietPeriod, () -> reload(lastData), log);
            }
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            probation.close();
            retirement.close();
            hookThreads.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Swapper " + config.name() + ": cannot set up management: "
                        + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
        List<SwapperAttachment> attached = new ArrayList<>();
        if (watch != null) {
            attached.add(watch);
        }
        this.attachments = attached;
        // Last: the opening thread sees this swapper fully built.
        this.management = request != null && b.managementInBackground
                ? Management.openInBackground(new Managed(), request, log) : opened;
        if (management != null) {
            attachments.add(management);
        }
        attachments.addAll(b.extraAttachments);
        // Last: the probation thread calls back only once the swapper is whole.
        probation.rollBackWith(this::rollBackAutomatically);
    }

    /** Whether some thread waits for the reload lock (tests use it to see a rollback wait for a reload). */
    boolean reloadLockQueued() {
        return reloadLock.hasQueuedThreads();
    }

    /** Whether this thread holds the reload lock (events must be told without it). */
    boolean reloadLockHeld() {
        return reloadLock.isHeldByCurrentThread();
    }

    /** Tells every attachment, in order; outside the reload lock. One that throws does not stop the others. */
    private void tell(SwapperEvent event) {
        for (SwapperAttachment a : attachments) {
            try {
                a.on(event);
            } catch (RuntimeException e) {
                log.warn("Swapper {}: {} failed on {}", config.name(), a.getClass().getSimpleName(), event, e);
            }
        }
    }

    /** The view the endpoint and the MBean get: no more than they need. */
    private final class Managed implements ManagedSwapper {
        @Override
        public String name() {
            return config.name();
        }

        @Override
        public HostStatus status() {
            return ManagementViews.status(config.name(), Swapper.this.status());
        }

        @Override
        public Reply reload(boolean force) {
            return ManagementViews.reload(() -> force ? forceReload(lastData) : Swapper.this.reload(lastData),
                    generation -> probation.status().filter(p -> p.generation() == generation));
        }

        @Override
        public Reply rollback() {
            return ManagementViews.rollback(Swapper.this::rollback);
        }

        @Override
        public String probation() {
            return ManagementViews.probation(probation.status(), probation.last());
        }

        @Override
        public List<LeakPathStatus> leakPaths() {
            return Swapper.this.leakPaths().stream().map(ManagementViews::leakPath).toList();
        }

        // The MBean's cheap attributes: no snapshot, no leak sweep.
        @Override
        public long generation() {
            return current.get().number();
        }

        @Override
        public long reloadCounter() {
            return Swapper.this.reloadCounter();
        }

        @Override
        public Path pluginDir() {
            return Swapper.this.pluginDir();
        }

        @Override
        public boolean staticLinking() {
            return Swapper.this.staticLinking();
        }
    }

    /** A builder for a swapper over the jars of {@code pluginDir}. */
    public static Builder builder(Path pluginDir) {
        return new Builder(pluginDir);
    }

    /**
     * Builds the first generation from the plugin directory.
     *
     * @param data passed to every plugin's {@code onLoad}; may be {@code null}
     * @throws ReloadException       if any step fails; nothing is loaded then
     * @throws IllegalStateException if plugins were already loaded
     */
    public ReloadDetails loadPlugins(Object data) {
        return swap(data, true, false);
    }

    /**
     * Builds the next generation and makes it current, atomically, if every step succeeds.
     * Unchanged and not-reloadable plugins are carried over; plugins whose dependency got a new
     * layer are relinked. Calls running in the old generation finish there.
     *
     * @param data passed to the {@code onLoad} of every plugin that gets a new layer
     * @throws ReloadException if any step fails: the current generation stays current and serving;
     *         a {@link SwapException} if {@linkplain #staticLinking() static linking} is on
     */
    public ReloadDetails reload(Object data) {
        return reload(data, false);
    }

    /**
     * As {@link #reload}, loading also the files that an automatic rollback rejected (which a
     * reload skips, as {@link PluginOutcome#SKIPPED}, until they change); their rejection is lifted.
     *
     * @since 0.3
     */
    public ReloadDetails forceReload(Object data) {
        return reload(data, true);
    }

    private ReloadDetails reload(Object data, boolean force) {
        if (config.staticLinking()) {
            SwapException refused = new SwapException(null, ReloadStep.SWAP, "static linking is on: swapper "
                    + config.name() + " runs the plugins of the host's module path, which cannot be reloaded;"
                    + " restart the host to change them, or build it without staticLinking", null);
            log.warn(refused.getMessage());
            throw refused;
        }
        return swap(data, false, force);
    }

    private ReloadDetails swap(Object data, boolean first, boolean force) {
        ReloadEvent event = Jfr.on() ? new ReloadEvent(config.name(), first) : null;
        if (event != null) {
            event.begin();
        }
        boolean succeeded = false;
        lockOrRefuse(first ? "load" : "reload");
        try {
            Generation previous = current.get();
            if (first && previous.number() != 0) {
                throw new IllegalStateException("plugins are already loaded (generation " + previous.number()
                        + "); call reload");
            }
            Reloader.Built built;
            ReloadAttempt running = new ReloadAttempt(hookTimeout);
            attempt = running;
            Path dir = pluginDir;
            long number = Math.max(previous.number(), highestNumber) + 1;
            Rejections rejected = rejections;
            try {
                // The build runs on a hook thread: this thread waits, and gives up on a step that
                // does not end within the hook timeout, so the lock is released whatever a plugin does.
                built = running.run(hookThreads, () -> new Reloader(config, retirement, dir, previous, number, rejected,
                        force, running).build(data), first ? "the load" : "the reload");
            } catch (ReloadException e) {
                running.stuck().ifPresent(s -> leakWatch.watch(s.plugin(), s.version(), s.layer()));
                log.error("{} of {} failed; generation {} stays current: {}", first ? "Load" : "Reload",
                        pluginDir, previous.number(), e.getMessage());
                if (event != null) {
                    event.failed(e.getMessage());
                    event.commit();
                }
                throw e;
            } finally {
                attempt = null;
            }
            long swapStart = System.nanoTime();
            lastData = data;
            Generation next = built.generation();
            next.loaded().forEach(LoadedPlugin::hold);
            highestNumber = next.number();
            rejections = built.rejections();
            List<Generation> retire = probation.swapping(previous, next);
            current.set(next); // the one atomic step: from here on new calls see the new code
            probation.swapped();
            if (!first) {
                reloadCounter.incrementAndGet();
            }
            retire.forEach(retirement::retire);
            ReloadDetails details = built.details()
                    .withStep(ReloadStep.SWAP, Duration.ofNanos(System.nanoTime() - swapStart));
            log.info("Generation {} is current ({}): {}", next.number(), first ? "load" : "reload", details);
            if (event != null) {
                event.succeeded(next.number(), details.toString());
                event.commit();
            }
            succeeded = true;
            return details;
        } finally {
            reloadLock.unlock();
            probation.tellWaiting();
            tell(first ? new SwapperEvent.FirstLoadDone(succeeded)
                    : new SwapperEvent.ReloadFinished(current.get().number(), succeeded));
        }
    }

    /**
     * Makes the generation on probation's predecessor current again, in one atomic step, and
     * retires the one on probation like any replaced generation: its calls in flight finish there,
     * its plugins not in the older generation get {@code onFree} after the free delay, and their
     * layers are watched until collected. No hook runs: the older generation's plugins were never
     * freed, and its vault (live functions, data bag, extension) is current again. Serialized with
     * reloads by the reload lock.
     *
     * @return how the probation ended
     * @throws IllegalStateException if no generation is on probation, saying why ("no generation on
     *         probation: the previous one (generation 2) was freed at ..."); a {@link SwapException}
     *         if a reload holds the lock past the reload wait
     * @since 0.3
     */
    public ProbationOutcome rollback() {
        return rollBack(null, ProbationOutcome.Verdict.ROLLED_BACK, "rollback requested").orElseThrow();
    }

    /** The probation rule failed on the probation thread: roll back, unless the trial ended meanwhile. */
    private boolean rollBackAutomatically(Probation.Trial trial, String reason) {
        try {
            rollBack(trial, ProbationOutcome.Verdict.ROLLED_BACK_AUTOMATICALLY, reason);
            return true;
        } catch (SwapException e) {
            if (Thread.currentThread().isInterrupted()) {
                return true; // the swapper is closing: close() ends the probation
            }
            log.warn("Swapper {}: generation {} failed its probation ({}) but cannot be rolled back now: {}; will try"
                    + " again", config.name(), trial.generation().number(), reason, e.getMessage());
            return false;
        } catch (IllegalStateException e) {
            return true; // it ended meanwhile (passed, superseded or closed)
        }
    }

    /**
     * @param expected the trial an automatic rollback judged, or null for whichever is on trial
     * @return empty if {@code expected} is no longer on trial
     */
    private Optional<ProbationOutcome> rollBack(Probation.Trial expected, ProbationOutcome.Verdict verdict, String reason) {
        boolean automatic = verdict == ProbationOutcome.Verdict.ROLLED_BACK_AUTOMATICALLY;
        ProbationOutcome outcome = null;
        lockOrRefuse("rollback");
        try {
            Optional<Probation.Trial> running = probation.trial();
            if (expected != null && running.filter(t -> t == expected).isEmpty()) {
                return Optional.empty();
            }
            Probation.Trial trial = running.orElseThrow(() -> refused(probation.refusal()));
            outcome = probation.end(trial, verdict, reason).orElseThrow(() -> refused(probation.refusal()));
            Generation from = current.get();
            if (from != trial.generation()) {
                throw new IllegalStateException("swapper " + config.name() + ": generation " + from.number()
                        + " is current, not generation " + trial.generation().number() + " that was on probation");
            }
            current.set(trial.kept()); // the one atomic step: new calls see the older code again
            retirement.retire(from);
            if (automatic) {
                rejections = rejections.with(rejected(from, trial.kept(), reason));
            }
            log(outcome, from, trial);
            probation.settled(trial, outcome);
            return Optional.of(outcome);
        } finally {
            reloadLock.unlock();
            probation.tellWaiting();
            if (outcome != null) {
                tell(new SwapperEvent.RolledBack(outcome.generation(), outcome.kept(), automatic));
            }
        }
    }

    private IllegalStateException refused(String why) {
        log.warn("Swapper {}: rollback refused: {}", config.name(), why);
        return new IllegalStateException(why);
    }

    /** The files of {@code from}'s plugins that {@code kept} does not run: what an automatic rollback rejects. */
    private static List<RejectedFile> rejected(Generation from, Generation kept, String reason) {
        java.time.Instant now = java.time.Instant.now();
        return from.loaded().stream()
                .filter(p -> kept.loaded(p.name()).filter(k -> k.sha256().equals(p.sha256())).isEmpty())
                .map(p -> new RejectedFile(p.name(), p.sha256(), p.info().file(), now, reason))
                .toList();
    }

    private void log(ProbationOutcome o, Generation from, Probation.Trial trial) {
        boolean automatic = o.verdict() == ProbationOutcome.Verdict.ROLLED_BACK_AUTOMATICALLY;
        if (automatic) {
            // One line per plugin whose file is rejected, so that each names its plugin; then the swap.
            for (LoadedPlugin p : from.loaded()) {
                if (trial.kept().loaded(p.name()).filter(k -> k.sha256().equals(p.sha256())).isEmpty()) {
                    log.warn("Plugin {} ({}): rolled back with generation {}: {}; its file is rejected until it changes",
                            p.name(), p.info().version(), o.generation(), o.reason());
                }
            }
            log.warn("Generation {} failed its probation and was rolled back automatically: generation {} is current"
                    + " again ({} of {} calls failed: {})", o.generation(), o.kept(), o.failures(), o.calls(), o.reason());
        } else {
            log.info("Generation {} rolled back: generation {} is current again ({} of {} calls had failed)",
                    o.generation(), o.kept(), o.failures(), o.calls());
        }
        if (Jfr.on()) {
            RollbackEvent event = new RollbackEvent(config.name(), o.generation(), o.kept(), automatic);
            event.because(o.reason(), o.calls(), o.failures());
            event.commit();
        }
    }

    /**
     * Completes with the outcome of {@code generation}'s probation once it ends: passed, rolled
     * back (by {@link #rollback()} or by the rule), superseded by a reload, or closed. Completes at
     * once if it was the last probation to end, exceptionally if it is not on probation and was not.
     *
     * @since 0.3
     */
    public CompletionStage<ProbationOutcome> probationOutcome(long generation) {
        return probation.outcome(generation);
    }

    /** The current generation: one lock-free read. Generation 0, empty, before the first load. */
    public Generation current() {
        return current.get();
    }

    /**
     * Calls {@code invokeFunc(name, params)} on every plugin of the current generation, in
     * dependency order, holding that generation for the duration of the calls. Never throws
     * because of a plugin: errors are logged with the plugin's name and returned.
     */
    public List<Invocation> invokeEach(String name, Object... params) {
        return invokeEach(false, name, params);
    }

    /** As {@link #invokeEach}, in reverse dependency order. */
    public List<Invocation> invokeEachBackward(String name, Object... params) {
        return invokeEach(true, name, params);
    }

    private List<Invocation> invokeEach(boolean backward, String name, Object[] params) {
        for (;;) {
            Generation g = current.get();
            // A generation read just before a reload may be freed before we enter it: read again.
            if (g.tryEnter()) {
                try {
                    return g.callEach(backward, name, params);
                } finally {
                    g.exit();
                }
            }
        }
    }

    /**
     * Completes once the management endpoint listens and the MBean is registered, as far as they
     * were asked for. Already complete when the swapper was built without
     * {@link Builder#managementInBackground(boolean) managementInBackground}, or without
     * management; completes exceptionally with the reason if opening them in the background
     * failed (the swapper then serves its plugins without them).
     */
    public CompletionStage<Void> managementReady() {
        return management == null ? CompletableFuture.<Void>completedFuture(null).minimalCompletionStage()
                : management.ready();
    }

    /** Successful reloads so far (the first load does not count). */
    public long reloadCounter() {
        return reloadCounter.get();
    }

    /** Whether plugins come from the host's own module path and reloading is off. */
    public boolean staticLinking() {
        return config.staticLinking();
    }

    /** The directory the next reload reads. */
    public Path pluginDir() {
        return pluginDir;
    }

    /**
     * Points the next reload at another directory; waits for a running reload to finish.
     *
     * @throws IllegalArgumentException if {@code dir} is not a directory
     * @throws IllegalStateException    if static linking is on: there is no plugin directory
     */
    public void resetPluginDir(Path dir) {
        if (config.staticLinking()) {
            throw new IllegalStateException("static linking is on: swapper " + config.name()
                    + " reads no plugin directory");
        }
        requireDirectory(dir);
        Path from;
        lockOrRefuse("change of plugin directory");
        try {
            from = pluginDir;
            log.info("Plugin directory changed from {} to {}", from, dir);
            pluginDir = dir;
        } finally {
            reloadLock.unlock();
        }
        tell(new SwapperEvent.PluginDirChanged(from, dir));
    }

    /**
     * A snapshot of this swapper. Taking it also sweeps the leak watch, so the collected and leaked
     * figures are as fresh as the last GC.
     */
    public SwapperStatus status() {
        leakWatch.sweep();
        Generation g = current.get();
        List<LeakReport> leaks = leakWatch.leaks();
        ReloadAttempt running = attempt;
        return new SwapperStatus(pluginDir, g.number(), reloadCounter.get(), staticLinking(),
                g.loaded().stream().map(LoadedPlugin::info).toList(), retirement.retiredCount(),
                leakWatch.freed(), leakWatch.collected(), leaks.size(), leaks,
                Optional.ofNullable(running).map(ReloadAttempt::progress), probation.status(), probation.last(),
                rejections.list());
    }

    /**
     * For each version the leak watch reports leaked, the shortest chain of strong references from
     * a GC root to its class loader: what holds it. Costly, so only on demand: it dumps the live
     * heap (a full collection, a file about the live heap's size, in the management endpoint's
     * owner-only directory), reads the file streaming with a fixed buffer, one pass per link of the
     * longest chain, and deletes it. The plugins keep serving meanwhile.
     *
     * @return one path per leaked version still alive; empty when nothing leaked
     * @throws UncheckedIOException if the heap could not be dumped or read, naming the file
     */
    public List<LeakPath> leakPaths() {
        leakWatch.sweep();
        try {
            return leakWatch.paths(ownerDirectory.create());
        } catch (IOException e) {
            throw new UncheckedIOException("Swapper " + config.name() + ": cannot explain its leaks: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the reload lock, waiting at most the reload wait.
     *
     * @throws SwapException saying what is running, if another load or reload holds it that long
     */
    private void lockOrRefuse(String what) {
        try {
            if (reloadLock.tryLock(reloadWait.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwapException(null, ReloadStep.SWAP, "interrupted while waiting to start a " + what, e);
        }
        ReloadAttempt running = attempt;
        String busy = "swapper " + config.name() + " cannot start a " + what + ": a reload is in progress "
                + (running == null ? "" : running.progress() + " ") + "and did not end within "
                + ReloadAttempt.seconds(reloadWait) + "; try again later";
        log.warn(busy);
        throw new SwapException(null, ReloadStep.SWAP, busy, null);
    }

    /** Waits until the runtime's freeing thread has nothing due (tests use it to observe frees). */
    void awaitFreeingIdle() throws Exception {
        retirement.awaitIdle(Duration.ofSeconds(10));
    }

    /** The name this swapper was given (for logs, thread names and the management endpoint). */
    public String name() {
        return config.name();
    }

    /**
     * Retires the current generation and frees every generation whose calls have returned, without
     * waiting for the free delay; then stops the runtime's thread. Calls still in flight keep
     * their generation, which is then left to the garbage collector without {@code onFree}.
     */
    @Override
    public void close() {
        // Outside the lock first: no new reload requests from outside while we shut down.
        tell(new SwapperEvent.Closing());
        // A load or reload still running gives up now: its caller fails and lets the lock go.
        ReloadAttempt running = attempt;
        if (running != null) {
            running.cancel();
        }
        boolean locked;
        try {
            locked = reloadLock.tryLock(CLOSE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            log.warn("Swapper {}: a reload still holds the lock {} after close began; closing without it",
                    config.name(), ReloadAttempt.seconds(CLOSE_WAIT));
        }
        try {
            Generation last = current.getAndSet(Generation.empty(log));
            probation.close("swapper " + config.name() + " closed").ifPresent(retirement::retire);
            retirement.retire(last);
            retirement.releaseNow();
            try {
                retirement.awaitIdle(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.TimeoutException e) {
                log.warn("Swapper {}: freeing did not finish within 10 s of close; stopping it anyway", config.name());
            }
            retirement.close();
            // Interrupts what hooks still run (a stuck onFree): they are left, never waited for.
            hookThreads.close();
            log.info("Swapper {} closed", config.name());
        } finally {
            if (locked) {
                reloadLock.unlock();
            }
            probation.tellWaiting();
        }
    }

    private static Path requireDirectory(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("plugin directory " + dir + " does not exist or is not a directory");
        }
        return dir;
    }

    /**
     * Options of a {@link Swapper}. Every option has a default; {@link #build()} validates them.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Path pluginDir;
        private String name = "hotswap";
        private Logger log = LoggerFactory.getLogger(Swapper.class);
        private ModuleLayer hostLayer;
        private Set<String> whitelist = Set.of();
        private Supplier<?> extensionFactory;
        private ReloadCallback reloadCallback;
        private Duration freeDelay = Duration.ofSeconds(5);
        private int leakGcCycles = 3;
        private Duration leakMinAge = Duration.ofSeconds(60);
        private Duration leakCheckInterval = Duration.ofSeconds(5);
        private boolean managementEndpoint;
        private Path managementBase;
        private Duration managementReadTimeout = Duration.ofSeconds(5);
        private boolean jmx;
        private boolean managementInBackground;
        private boolean fileWatch;
        private Duration watchQuietPeriod = Duration.ofMillis(500);
        private boolean staticLinking;
        private long maxPluginFileSize = JarLimits.DEFAULTS.maxFileSize();
        private long maxInflatedSize = JarLimits.DEFAULTS.maxInflatedSize();
        private String livePrefix = "live_";
        private Duration hookTimeout = Duration.ofSeconds(30);
        private boolean collectWhenQuiet = true;
        private Duration reloadWait = Duration.ofSeconds(30);
        private final List<SwapperAttachment> extraAttachments = new ArrayList<>();
        private Duration probation = Duration.ZERO;
        private ProbationRule probationRule = ProbationRule.none();
        private FileStamps fileStamps = FileStamps.SYSTEM;

        private Builder(Path pluginDir) {
            this.pluginDir = Objects.requireNonNull(pluginDir, "pluginDir");
        }

        /** A name for logs, the free thread and the management endpoint; default {@code hotswap}. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Where the runtime logs; default the logger of {@code io.hotswap.runtime.Swapper}. */
        public Builder logger(Logger log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * The layer whose modules plugins may require besides each other (the API among them);
         * default the layer of {@code io.hotswap.api}.
         */
        public Builder hostLayer(ModuleLayer layer) {
            this.hostLayer = Objects.requireNonNull(layer, "layer");
            return this;
        }

        /** Only these plugins are loaded; the others' jars are ignored. Empty (the default): all. */
        public Builder whitelist(Set<String> pluginNames) {
            this.whitelist = Set.copyOf(pluginNames);
            return this;
        }

        /** Makes a new extension object for every generation's vault. */
        public Builder extensionFactory(Supplier<?> factory) {
            this.extensionFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Asked before every swap; may veto. */
        public Builder reloadCallback(ReloadCallback callback) {
            this.reloadCallback = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /** How long a replaced generation lives at least before {@code onFree}; default 5 s. */
        public Builder freeDelay(Duration delay) {
            this.freeDelay = nonNegative(delay, "freeDelay");
            return this;
        }

        /**
         * When a freed layer counts as leaked: still reachable after {@code gcCycles} collections
         * that can unload classes (full or concurrent cycles, not young collections, which never
         * unload a class) and {@code minAge} after {@code onFree}; default 3 cycles and 60 s.
         */
        public Builder leakThreshold(int gcCycles, Duration minAge) {
            if (gcCycles < 1) {
                throw new IllegalArgumentException("gcCycles must be at least 1, was " + gcCycles);
            }
            this.leakGcCycles = gcCycles;
            this.leakMinAge = nonNegative(minAge, "minAge");
            return this;
        }

        /**
         * How long one lifecycle hook ({@code reloadable}, {@code export}, {@code imports},
         * {@code onLoad}, {@code onInit}, {@code onFree}; and the host's reload callback and
         * extension factory) may run; default 30 s. A load or reload whose hook does not return in
         * time fails at that step, naming the plugin and the limit, and the old generation keeps
         * serving; an {@code onFree} past it is abandoned and the other frees go on. The hook's
         * thread is interrupted and left: the leak watch names it while it runs the plugin's code.
         */
        public Builder hookTimeout(Duration timeout) {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("hookTimeout must be positive, was " + timeout);
            }
            this.hookTimeout = timeout;
            return this;
        }

        /**
         * How long a load, reload or {@code resetPluginDir} waits for one already running before
         * it fails saying what runs (plugin and step); default 30 s.
         */
        public Builder reloadWait(Duration wait) {
            this.reloadWait = nonNegative(wait, "reloadWait");
            return this;
        }

        /**
         * Whether the leak watch may ask for a garbage collection ({@code System.gc()}) when freed
         * layers wait past the leak threshold's minimum age and fewer than its GC cycles have run
         * since they were freed: at most once per check interval, only while such layers exist (so
         * at most that many per freed version). Default on, so unloading, or a leak, is proven on a
         * quiet host; off for a host that wants no explicit collection.
         */
        public Builder collectWhenQuiet(boolean collect) {
            this.collectWhenQuiet = collect;
            return this;
        }

        /** How often the leak watch looks at freed layers; default 5 s. */
        public Builder leakCheckInterval(Duration interval) {
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("leakCheckInterval must be positive, was " + interval);
            }
            this.leakCheckInterval = interval;
            return this;
        }

        /**
         * Exposes a management endpoint: a Unix-domain socket that {@code hotswap reload} and
         * {@code hotswap status} talk to, in {@code $XDG_RUNTIME_DIR/hotswap-<user>/} (else the
         * temp directory), reachable by this user only. Removed on {@link Swapper#close()}.
         * Reloads requested there pass the data of the last {@code loadPlugins}/{@code reload}.
         * Default off.
         */
        public Builder managementEndpoint(boolean on) {
            this.managementEndpoint = on;
            return this;
        }

        /** The base directory of the endpoint's socket directory, instead of the default. */
        public Builder managementDirectory(Path base) {
            this.managementBase = Objects.requireNonNull(base, "base");
            return this;
        }

        /** How long an endpoint client may take to send its request; default 5 s. */
        public Builder managementReadTimeout(Duration timeout) {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("managementReadTimeout must be positive, was " + timeout);
            }
            this.managementReadTimeout = timeout;
            return this;
        }

        /**
         * The prefix that makes a static method a live function and a class a live type, compared
         * case-insensitively; default {@code live_}. A plugin jar whose live index was made with
         * another prefix is scanned instead. See {@link io.hotswap.protocol.live.LiveIndex}.
         *
         * @throws IllegalArgumentException if the prefix is empty or holds whitespace
         */
        public Builder livePrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.isEmpty() || prefix.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("livePrefix must be non-empty and without whitespace, was '" + prefix + "'");
            }
            this.livePrefix = prefix;
            return this;
        }

        /**
         * Registers the MBean {@code io.hotswap:type=Swapper,name=<name>} in the platform MBean
         * server: status figures, leak figures and {@code reload()}. Default off.
         */
        public Builder jmx(boolean on) {
            this.jmx = on;
            return this;
        }

        /**
         * Opens the {@linkplain #managementEndpoint endpoint} and registers the {@linkplain #jmx MBean}
         * on a thread of their own instead of in {@link #build()}, so that a host loads and calls
         * its plugins first: the platform MBean server alone costs a freshly started JVM some
         * hundred milliseconds. The thread begins when the first {@link Swapper#loadPlugins} has
         * ended (or a second after {@code build()}, if that comes first), so that on a machine with
         * few cores it does not slow the load down. {@link Swapper#managementReady()} completes once
         * they are up; the endpoint logs {@code Management endpoint of <name> listening on <socket>}.
         * If they cannot be opened, {@code build()} does not throw: the failure is logged,
         * {@code managementReady()} completes with it, and the swapper serves its plugins without
         * management. Default off.
         */
        public Builder managementInBackground(boolean on) {
            this.managementInBackground = on;
            return this;
        }

        /**
         * Dev mode: a jar created or replaced in the plugin directory triggers one reload once
         * the directory has been quiet for the {@linkplain #fileWatchQuietPeriod quiet period}.
         * Default off.
         */
        public Builder fileWatch(boolean on) {
            this.fileWatch = on;
            return this;
        }

        /** How long the plugin directory must be quiet before a file-watch reload; default 500 ms. */
        public Builder fileWatchQuietPeriod(Duration quiet) {
            this.watchQuietPeriod = nonNegative(quiet, "fileWatchQuietPeriod");
            return this;
        }

        /**
         * Static linking (for debugging): the plugins are the modules of the host layer (by default
         * the boot layer, that is the host's module path) that provide {@code io.hotswap.api.Plugin},
         * found through {@link java.util.ServiceLoader}, not the jars of the plugin directory, which
         * then need not exist. They run the same hooks; {@link Swapper#reload} fails with a
         * {@link SwapException} saying that static linking is on. Default off.
         */
        public Builder staticLinking(boolean on) {
            this.staticLinking = on;
            return this;
        }

        /**
         * The most bytes a plugin file may have; default 64 MiB. The file is read into the heap
         * whole and held there while its version runs (a reload holds the old and the new
         * version's bytes at once), so a plugin at the limit costs twice that during a reload; a
         * jar nested compressed in a bundle is held to it once inflated. A larger file fails the
         * reload at step {@link ReloadStep#READ_JAR}, naming the file and the limit, and the old
         * generation keeps serving.
         *
         * @throws IllegalArgumentException if {@code bytes} is not positive
         */
        public Builder maxPluginFileSize(long bytes) {
            this.maxPluginFileSize = new JarLimits(bytes, maxInflatedSize).maxFileSize();
            return this;
        }

        /**
         * The most bytes all entries of a plugin may inflate to together, the entries of the
         * libraries nested in its bundle included, as the jars declare them; default 512 MiB.
         * Entries are checked and resources served as streams, so this bounds the time a reload
         * spends inflating under the reload lock (about a second per 500 MiB on one core), not
         * the heap. A plugin past it fails the reload at step {@link ReloadStep#READ_JAR}, naming the
         * plugin, the jar, its largest entry and the limit, before anything is inflated.
         *
         * @throws IllegalArgumentException if {@code bytes} is not positive
         */
        public Builder maxInflatedSize(long bytes) {
            this.maxInflatedSize = new JarLimits(maxPluginFileSize, bytes).maxInflatedSize();
            return this;
        }

        /**
         * Keeps a replaced generation on probation for {@code time} after each successful reload:
         * not freed, no new calls, and {@link Swapper#rollback()} makes it current again in one step;
         * after that time its free delay starts. Default zero: off. A reload during a probation
         * ends it: the generation on trial is kept in turn, and the one kept before is retired.
         *
         * @since 0.3
         */
        public Builder probation(Duration time) {
            this.probation = nonNegative(time, "probation");
            return this;
        }

        /**
         * When the runtime rolls a generation on probation back by itself; default
         * {@link ProbationRule#none()}. It then logs why, records the JFR event
         * {@code io.hotswap.Rollback}, and rejects the new files: reloads skip them until they
         * change ({@link Swapper#forceReload} loads them). Needs {@link #probation}.
         *
         * @since 0.3
         */
        public Builder probationRule(ProbationRule rule) {
            this.probationRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** Where reloads learn whether a plugin file changed; the file system's unless a test fakes it. */
        Builder fileStamps(FileStamps stamps) {
            this.fileStamps = Objects.requireNonNull(stamps, "stamps");
            return this;
        }

        /** Attaches one more follower of the swapper's events, told after the built-in ones. */
        Builder attach(SwapperAttachment attachment) {
            extraAttachments.add(Objects.requireNonNull(attachment, "attachment"));
            return this;
        }

        /**
         * @throws IllegalArgumentException if the plugin directory does not exist (and static
         *                                  linking is off), or a probation rule is set without a probation time
         * @throws IllegalStateException    if no host layer was given and {@code io.hotswap.api} is
         *                                  not in a named module (on the class path), or a swapper of
         *                                  this name is already registered in JMX (not with
         *                                  {@link #managementInBackground}: see there)
         * @throws UncheckedIOException     if the management endpoint (not with
         *                                  {@link #managementInBackground}) or the file watch cannot be set up
         */
        public Swapper build() {
            if (probationRule.judges() && probation.isZero()) {
                throw new IllegalArgumentException("probationRule (" + probationRule + ") needs a probation time:"
                        + " call probation(Duration) too");
            }
            if (!staticLinking) {
                requireDirectory(pluginDir);
            }
            if (hostLayer == null) {
                hostLayer = Plugin.class.getModule().getLayer();
                if (hostLayer == null) {
                    throw new IllegalStateException("io.hotswap.api is on the class path: put it on the module"
                            + " path so plugins can require it, or pass hostLayer(...)");
                }
            }
            return new Swapper(this);
        }

        private static Duration nonNegative(Duration d, String what) {
            if (d.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative, was " + d);
            }
            return d;
        }
    }
}
