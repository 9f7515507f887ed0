package io.hotswap.demo.host;

import io.hotswap.runtime.Swapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running demo host: its swapper, loaded, and the one thread its periodic work runs on. Both are
 * closed when the JVM exits.
 *
 * <p>Every demo host is started the same way: {@code <demo> <pluginDir> [name]}, the name (default:
 * the demo's) being what {@code hotswap reload --host} finds it by. The swapper frees replaced
 * versions after two seconds, proves them collected (or leaked) some ten seconds later, and opens
 * its management endpoint and JMX on a thread of their own, so that the plugins run while those
 * open. Its rounds report when replaced versions were freed and when they left memory
 * ({@link UnloadReport}).
 */
public final class DemoHost {

    /** How often a demo host does its work, unless it says otherwise: every two seconds, as their usages say. */
    public static final Duration PACE = Duration.ofSeconds(2);

    private static final Duration FREE_DELAY = Duration.ofSeconds(2);

    // A freed version is proven collected, or reported leaked, once it has waited this long (and
    // the leak watch asks for the collection itself on a quiet heap): a demo shows its unloading
    // within seconds, where a real host keeps the default minute.
    private static final Duration LEAK_MIN_AGE = Duration.ofSeconds(10);

    private final Swapper swapper;
    private final ScheduledExecutorService work;
    private final Logger log;
    private final UnloadReport unloads;

    private DemoHost(Swapper swapper, ScheduledExecutorService work, Logger log) {
        this.swapper = swapper;
        this.work = work;
        this.log = log;
        this.unloads = new UnloadReport(swapper, log);
    }

    /**
     * Starts a demo host from its command line, or ends the process: {@code --help} prints the
     * usage and exits 0; arguments that do not fit print it to standard error and exit 2.
     *
     * @param host       the host's class: its logger is the demo host's ({@link #log()})
     * @param demo       the demo's name: the command and the default host name
     * @param workThread the name of the thread the host's work runs on
     * @param configure  what this demo adds to the shared swapper set-up
     * @param about      what the host does, for the usage
     */
    public static DemoHost start(String[] args, Class<?> host, String demo, String workThread,
                                 UnaryOperator<Swapper.Builder> configure, String about) {
        String usage = "usage: " + demo + " <pluginDir> [name]   (name default " + demo + ")\n  " + about;
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(usage);
            System.exit(0);
        }
        if (args.length < 1 || args.length > 2 || args[0].startsWith("-")) {
            System.err.println(usage);
            System.exit(2);
        }
        Swapper swapper = configure.apply(Swapper.builder(Path.of(args[0]))
                        .name(args.length > 1 ? args[1] : demo)
                        .freeDelay(FREE_DELAY)
                        .leakThreshold(3, LEAK_MIN_AGE)
                        .managementEndpoint(true)      // hotswap reload --host <name>
                        .jmx(true)                     // jconsole, VisualVM
                        .managementInBackground(true)) // the plugins run while those two open
                .build();
        ScheduledExecutorService work = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, workThread));
        // Before loading: a host whose first load fails still removes its endpoint files on exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            work.shutdownNow();
            swapper.close();
        }, demo + "-shutdown"));
        swapper.loadPlugins(null);
        return new DemoHost(swapper, work, LoggerFactory.getLogger(host));
    }

    public Swapper swapper() {
        return swapper;
    }

    /** The host's logger, named after its class. */
    public Logger log() {
        return log;
    }

    /**
     * Logs that the host is up: {@code Host <name> (pid <pid>) loaded <plugins>} followed by
     * {@code what} (for example {@code "; humming every 2 s"}).
     */
    public void logLoaded(String what) {
        log.info("Host {} (pid {}) loaded {}{}", swapper.name(), ProcessHandle.current().pid(),
                swapper.current().plugins(), what);
    }

    /** Runs {@code task} now and then every {@code period}, on the host's work thread. */
    public void every(Duration period, Runnable task) {
        work.scheduleAtFixedRate(task, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * What most demo hosts do once started: logs that the host is up ({@link #logLoaded}) and
     * {@code doing} every {@link #PACE} ({@code "; humming"} gives {@code ...; humming every 2 s}),
     * then runs {@code round} with 1, 2, 3… at that pace ({@link #everyRound}).
     */
    public void runRounds(String doing, LongConsumer round) {
        logLoaded(doing + " every " + PACE.toSeconds() + " s");
        everyRound(PACE, round);
    }

    /**
     * Runs {@code round} with 1 now, then with 2, 3… every {@code period}, on the host's work
     * thread: the number a demo passes to its plugins ({@code hum #n}, {@code pulse #n}). After
     * each round, the unload report logs what changed.
     */
    public void everyRound(Duration period, LongConsumer round) {
        AtomicLong rounds = new AtomicLong();
        every(period, () -> {
            round.accept(rounds.incrementAndGet());
            unloads.report();
        });
    }
}
