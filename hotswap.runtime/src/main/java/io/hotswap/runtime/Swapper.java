package io.hotswap.runtime;

import io.hotswap.api.Plugin;
import io.hotswap.protocol.HostStatus;
import io.hotswap.protocol.Reply;
import io.hotswap.protocol.endpoint.EndpointDirectory;
import io.hotswap.runtime.jfr.Jfr;
import io.hotswap.runtime.jfr.ReloadEvent;
import io.hotswap.runtime.management.ManagedSwapper;
import io.hotswap.runtime.management.Management;
import io.hotswap.runtime.watch.PluginDirWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
 * on the runtime's own thread once its calls have returned.
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

    private final SwapperConfig config;
    private final Logger log;
    private final ReentrantLock reloadLock = new ReentrantLock();
    private final AtomicReference<Generation> current;
    private final AtomicLong reloadCounter = new AtomicLong();
    private final LeakWatch leakWatch;
    private final Retirement retirement;
    // Written under the reload lock only; volatile so that status() can read it without the lock.
    private volatile Path pluginDir;
    // The data of the last loadPlugins/reload: what a reload from outside (endpoint, JMX, file
    // watch) passes to onLoad, since the requester cannot pass host objects.
    private volatile Object lastData;
    // Null when neither the endpoint nor JMX was asked for.
    private final Management management;
    // Replaced under the reload lock when the plugin directory changes.
    private volatile PluginDirWatch watch;
    private final Duration watchQuietPeriod;

    private Swapper(Builder b) {
        this.config = new SwapperConfig(b.name, b.log, b.hostLayer, b.whitelist, b.extensionFactory,
                b.reloadCallback, b.freeDelay, b.leakGcCycles, b.leakMinAge, b.leakCheckInterval, b.livePrefix, b.staticLinking);
        this.log = b.log;
        this.pluginDir = b.pluginDir;
        this.current = new AtomicReference<>(Generation.empty(log));
        this.leakWatch = new LeakWatch(config);
        this.retirement = new Retirement(config, leakWatch);
        if (b.fileWatch && b.staticLinking) {
            log.warn("Swapper {}: static linking is on, so the file watch is off: nothing can be reloaded", b.name);
        }
        this.watchQuietPeriod = b.fileWatch && !b.staticLinking ? b.watchQuietPeriod : null;
        Management.Request request = null;
        if (b.managementEndpoint || b.jmx) {
            EndpointDirectory dir = !b.managementEndpoint ? null
                    : b.managementBase == null ? EndpointDirectory.forCurrentUser() : EndpointDirectory.under(b.managementBase);
            request = new Management.Request(dir, b.jmx, pluginDir, b.managementReadTimeout);
        }
        Management opened = null;
        try {
            if (request != null && !b.managementInBackground) {
                opened = Management.open(new Managed(), request, log);
            }
            this.watch = watchQuietPeriod == null ? null : startWatch(pluginDir);
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            retirement.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Swapper " + config.name() + ": cannot set up management: "
                        + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
        // Last: the opening thread sees this swapper fully built.
        this.management = request != null && b.managementInBackground
                ? Management.openInBackground(new Managed(), request, log) : opened;
    }

    private PluginDirWatch startWatch(Path dir) throws IOException {
        return PluginDirWatch.start(config.name(), dir, watchQuietPeriod, () -> reload(lastData), log);
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
        public Reply reload() {
            return ManagementViews.reload(() -> Swapper.this.reload(lastData));
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
            return staticLinkingMode();
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
        return swap(data, true);
    }

    /**
     * Builds the next generation and makes it current, atomically, if every step succeeds.
     * Unchanged and not-reloadable plugins are carried over; plugins whose dependency got a new
     * layer are relinked. Calls running in the old generation finish there.
     *
     * @param data passed to the {@code onLoad} of every plugin that gets a new layer
     * @throws ReloadException if any step fails: the current generation stays current and serving;
     *         a {@link SwapException} if {@linkplain #staticLinkingMode() static linking} is on
     */
    public ReloadDetails reload(Object data) {
        if (config.staticLinking()) {
            SwapException refused = new SwapException(null, ReloadStep.SWAP, "static linking is on: swapper "
                    + config.name() + " runs the plugins of the host's module path, which cannot be reloaded;"
                    + " restart the host to change them, or build it without staticLinking", null);
            log.warn(refused.getMessage());
            throw refused;
        }
        return swap(data, false);
    }

    private ReloadDetails swap(Object data, boolean first) {
        ReloadEvent event = Jfr.on() ? new ReloadEvent(config.name(), first) : null;
        if (event != null) {
            event.begin();
        }
        reloadLock.lock();
        try {
            Generation previous = current.get();
            if (first && previous.number() != 0) {
                throw new IllegalStateException("plugins are already loaded (generation " + previous.number()
                        + "); call reload");
            }
            Reloader.Built built;
            try {
                built = new Reloader(config, retirement, pluginDir, previous).build(data);
            } catch (ReloadException e) {
                log.error("{} of {} failed; generation {} stays current: {}", first ? "Load" : "Reload",
                        pluginDir, previous.number(), e.getMessage());
                if (event != null) {
                    event.failed(e.getMessage());
                    event.commit();
                }
                throw e;
            }
            long swapStart = System.nanoTime();
            lastData = data;
            Generation next = built.generation();
            next.loaded().forEach(LoadedPlugin::hold);
            current.set(next); // the one atomic step: from here on new calls see the new code
            if (!first) {
                reloadCounter.incrementAndGet();
            }
            retirement.retire(previous);
            ReloadDetails details = built.details()
                    .withStep(ReloadStep.SWAP, Duration.ofNanos(System.nanoTime() - swapStart));
            log.info("Generation {} is current ({}): {}", next.number(), first ? "load" : "reload", details);
            if (event != null) {
                event.succeeded(next.number(), details.toString());
                event.commit();
            }
            return details;
        } finally {
            reloadLock.unlock();
            if (first && management != null) {
                management.begin(); // loaded or failed: management may now take the CPU
            }
        }
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
    public boolean staticLinkingMode() {
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
        reloadLock.lock();
        try {
            log.info("Plugin directory changed from {} to {}", pluginDir, dir);
            pluginDir = dir;
            if (management != null) {
                management.pluginDirChanged(dir);
            }
            if (watch != null) {
                watch.close();
                try {
                    watch = startWatch(dir);
                } catch (IOException e) {
                    watch = null;
                    log.warn("Cannot watch {}; file watch of {} is off", dir, config.name(), e);
                }
            }
        } finally {
            reloadLock.unlock();
        }
    }

    /**
     * A snapshot of this swapper. Taking it also sweeps the leak watch, so the collected and leaked
     * figures are as fresh as the last GC.
     */
    public SwapperStatus status() {
        leakWatch.sweep();
        Generation g = current.get();
        List<LeakReport> leaks = leakWatch.leaks();
        return new SwapperStatus(pluginDir, g.number(), reloadCounter.get(), staticLinkingMode(),
                g.loaded().stream().map(LoadedPlugin::info).toList(), retirement.retiredCount(),
                leakWatch.freed(), leakWatch.collected(), leaks.size(), leaks);
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
        PluginDirWatch w = watch;
        if (w != null) {
            w.close();
        }
        if (management != null) {
            management.close();
        }
        reloadLock.lock();
        try {
            Generation last = current.getAndSet(Generation.empty(log));
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
            log.info("Swapper {} closed", config.name());
        } finally {
            reloadLock.unlock();
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
        private String livePrefix = "live_";

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
         * and {@code minAge} after {@code onFree}; default 3 cycles and 60 s.
         */
        public Builder leakThreshold(int gcCycles, Duration minAge) {
            if (gcCycles < 1) {
                throw new IllegalArgumentException("gcCycles must be at least 1, was " + gcCycles);
            }
            this.leakGcCycles = gcCycles;
            this.leakMinAge = nonNegative(minAge, "minAge");
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
         * another prefix is scanned instead. See {@link io.hotswap.runtime.live.LiveIndex}.
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
         * @throws IllegalArgumentException if the plugin directory does not exist (and static
         *                                  linking is off)
         * @throws IllegalStateException    if no host layer was given and {@code io.hotswap.api} is
         *                                  not in a named module (on the class path), or a swapper of
         *                                  this name is already registered in JMX (not with
         *                                  {@link #managementInBackground}: see there)
         * @throws UncheckedIOException     if the management endpoint (not with
         *                                  {@link #managementInBackground}) or the file watch cannot be set up
         */
        public Swapper build() {
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
