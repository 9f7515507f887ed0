package io.hotswap.benchmarks;

import io.hotswap.runtime.Swapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;

/**
 * Reload latency against what a user would pick instead, the same tiny plugin and the same loop
 * for all, interleaved in one run (each round in another order of the four, the JDK's bare
 * {@link ModuleLayerFloor} the fourth): swap the jar, reload, first
 * call of the new version. This project: the 1-class plugin of {@link ReloadLatency}, the plugin
 * directory switched between its variants outside the timed part, then {@code swapper.reload}
 * and the first call. PF4J 3.15.0 ({@link JarPluginManager}): {@code unloadPlugin},
 * {@code loadPlugin} of the other variant's jar, {@code startPlugin}, {@code getExtensions} and
 * the first call. Felix 7.0.5: {@code bundle.update} from the other variant's jar, then
 * {@code FrameworkWiring.refreshBundles} until it has ended, then the service looked up and
 * called. Each checks that the answer came from a new class loader.
 *
 * <p>Usage: {@code Peers [warmup] [runs]} (default 200 and 500).
 */
public final class Peers {

    /** The goals: our median at most 0.75× PF4J's, our p90 at most PF4J's p90. */
    private static final double MEDIAN_GOAL = 0.75;
    private static final Duration FREE_DELAY = Duration.ofMillis(Long.getLong("bench.freeDelayMs", 5000));
    private static final long TIMEOUT_SECONDS = 60;
    private static final String[] NAMES = {"this project", "PF4J 3.15.0", "Felix 7.0.5", "the JDK's ModuleLayer alone"};
    /** Every order of the four, one a round in turn: each runs first, and right after each other, as often. */
    private static final List<int[]> ORDERS = orders(NAMES.length);

    /** One system under test: a reload of the {@code i}-th variant and its first call, timed. */
    private interface Peer extends AutoCloseable {
        long reload(int i) throws Exception;
    }

    private Peers() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.of(args, "Peers [warmup] [runs]", 0);
        BenchArgs.Rounds rounds = a.rounds(0, 200, 500);
        Path root = Files.createTempDirectory("bench-peers-");
        BenchPlugin ours = PluginJars.build(1, root);
        List<Path> pf4jJars = PeerJars.pf4j(root);
        List<Path> felixJars = PeerJars.felix(root);
        String[] names = NAMES;
        long[][] samples = new long[names.length][rounds.runs()];
        int[][] before = new int[names.length][rounds.runs()];
        StepTimes steps = new StepTimes(rounds.runs());
        long[] outside = new long[rounds.runs()];
        long[] firstCall = new long[rounds.runs()];
        try (Peer o = hotswap(ours, rounds, steps, outside, firstCall); Peer p = pf4j(root, pf4jJars); Peer f = felix(root, felixJars);
             Peer jdk = floor(ours)) {
            Peer[] peers = {o, p, f, jdk};
            for (int i = 1; i <= rounds.total(); i++) {
                int m = rounds.sample(i - 1);
                int[] order = ORDERS.get(i % ORDERS.size());
                for (int k = 0; k < order.length; k++) {
                    int which = order[k];
                    long took = peers[which].reload(i);
                    if (m >= 0) {
                        samples[which][m] = took;
                        // Who ran just before, across rounds too: its after-effects (Felix finishes
                        // a refresh on its own threads) fall on the next one's reload.
                        before[which][m] = k > 0 ? order[k - 1] : ORDERS.get((i - 1) % ORDERS.size())[order.length - 1];
                    }
                }
            }
        }
        Report report = new Report("peers");
        Samples us = Samples.of(samples[0]);
        Samples pf4j = Samples.of(samples[1]);
        Samples felix = Samples.of(samples[2]);
        Samples jdk = Samples.of(samples[3]);
        double vsPf4j = (double) us.median() / pf4j.median();
        report.figure(new Figure("reload latency, tiny plugin, against PF4J (swap, reload, first call)", us.describeMillis(),
                "PF4J: " + pf4j.describeMillis(), "%.2f× (p90 %.2f×)".formatted(vsPf4j, (double) us.p90() / pf4j.p90()),
                "median ≤ 0.75× PF4J, p90 ≤ PF4J's", vsPf4j <= MEDIAN_GOAL && us.p90() <= pf4j.p90()));
        report.figure(Figure.beside("reload latency, tiny plugin, against Felix (same loop)", us, "Felix: ", felix,
                "none: shown beside PF4J"));
        // What any design that gives each plugin version a ModuleLayer of its own pays, beside PF4J's
        // class loader without modules: the bound under the goal against PF4J.
        report.figure(Figure.only("reload latency, tiny plugin, the JDK's ModuleLayer alone (floor) against PF4J",
                "floor: " + jdk.describeMillis(), "PF4J: " + pf4j.describeMillis(),
                "%.2f× (p90 %.2f×); this project %.2f× the floor".formatted((double) jdk.median() / pf4j.median(),
                        (double) jdk.p90() / pf4j.p90(), (double) us.median() / jdk.median()),
                "none: the floor under any ModuleLayer design"));
        report.note(("- %s: %s; %s: %s; %s: %s; %s: %s. %d rounds of warm-up, then %d; each round reloads all four, the"
                + " one order taking each of the %d in turn. Free delay of this project's swapper %d ms (its default).")
                .formatted(names[0], us.describeMillis(), names[1], pf4j.describeMillis(), names[2], felix.describeMillis(),
                        names[3], jdk.describeMillis(), rounds.warmup(), rounds.runs(), ORDERS.size(), FREE_DELAY.toMillis()));
        for (int which = 0; which < names.length; which++) {
            StringBuilder after = new StringBuilder();
            for (int prior = 0; prior < names.length; prior++) {
                List<Long> sub = new ArrayList<>();
                for (int j = 0; j < rounds.runs(); j++) {
                    if (before[which][j] == prior) {
                        sub.add(samples[which][j]);
                    }
                }
                if (!sub.isEmpty()) {
                    after.append(after.isEmpty() ? "" : "; ").append("after ").append(names[prior]).append(' ')
                            .append(Samples.of(sub.stream().mapToLong(Long::longValue).toArray()).describeMillis());
                }
            }
            report.note("- %s, by which one ran just before: %s.".formatted(names[which], after));
        }
        report.note("- This project's reload path, median per step (`ReloadDetails.steps()`): " + steps.medians()
                + "; outside the build (handing it to the swapper's hook thread and back, which keeps a stuck hook from"
                + " holding the reload lock, the lock itself and the swap): " + Samples.of(outside).describeMillis()
                + "; the first call: " + Samples.of(firstCall).describeMillis() + ".");
        report.note("- The loops: this project, `resetPluginDir` to the other variant (outside the timed part), `reload`,"
                + " `invokeFunc(\"first\")`; PF4J (`JarPluginManager`, deployment mode), `unloadPlugin`, `loadPlugin` of the"
                + " other variant's jar, `startPlugin`, `getExtensions(Supplier.class, id)`, `get()`; Felix, `bundle.update`"
                + " from the other variant's jar, `FrameworkWiring.refreshBundles` until its event, the `Supplier` service"
                + " looked up and called. Each plugin is one class (PF4J: the extension and its `Plugin` class; Felix: the"
                + " activator and its service) and a marker entry that tells the variants apart; the JDK's ModuleLayer"
                + " alone, on this project's jar: `ModuleFinder.of`, `Configuration.resolve`,"
                + " `defineModulesWithOneLoader`, the provider from `ServiceLoader`, `invokeFunc(\"first\")`.");
        report.write();
    }

    /** This project's loop; the steps of its measured reloads go to {@code steps}. */
    private static Peer hotswap(BenchPlugin plugin, BenchArgs.Rounds rounds, StepTimes steps, long[] outside,
                                long[] firstCall) {
        Swapper swapper = Swapper.builder(plugin.dir(0)).name("bench-peers").freeDelay(FREE_DELAY).build();
        swapper.loadPlugins(null);
        return new Peer() {
            @Override
            public long reload(int i) throws Exception {
                swapper.resetPluginDir(plugin.dir(i));
                long t = System.nanoTime();
                var details = swapper.reload(null);
                long reloaded = System.nanoTime();
                Object first = plugin.callFirst(swapper);
                long took = System.nanoTime() - t;
                plugin.checkReloaded(details);
                plugin.checkFirst(first);
                int m = rounds.sample(i - 1);
                if (m >= 0) {
                    steps.record(details, m);
                    // The build's own time is measured on the hook thread that runs it; the rest
                    // of reload() is the hand-off there and back, the lock and the swap.
                    outside[m] = reloaded - t - details.took().toNanos();
                    firstCall[m] = took - (reloaded - t);
                }
                return took;
            }

            @Override
            public void close() {
                swapper.close();
            }
        };
    }

    private static Peer pf4j(Path root, List<Path> jars) throws Exception {
        System.setProperty("pf4j.mode", "deployment");
        PluginManager manager = new JarPluginManager(Files.createDirectories(root.resolve("pf4j-plugins")));
        String id = manager.loadPlugin(jars.get(0));
        manager.startPlugin(id);
        ClassLoader[] last = {manager.getPluginClassLoader(id)};
        return new Peer() {
            @Override
            public long reload(int i) {
                long t = System.nanoTime();
                manager.unloadPlugin(PeerJars.PF4J_ID);
                manager.loadPlugin(jars.get(i % 2));
                manager.startPlugin(PeerJars.PF4J_ID);
                @SuppressWarnings("rawtypes")
                Supplier s = manager.getExtensions(Supplier.class, PeerJars.PF4J_ID).get(0);
                Object first = s.get();
                long took = System.nanoTime() - t;
                last[0] = fresh("PF4J", s, first, last[0]);
                return took;
            }

            @Override
            public void close() {
                // Stops it too. (PF4J's stopPlugins() fails here with a ConcurrentModificationException.)
                manager.unloadPlugin(PeerJars.PF4J_ID);
            }
        };
    }

    private static Peer felix(Path root, List<Path> jars) throws Exception {
        Framework framework = new FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, root.resolve("felix-cache").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        BundleContext context = framework.getBundleContext();
        Bundle bundle;
        try (InputStream in = Files.newInputStream(jars.get(0))) {
            bundle = context.installBundle("bench:felix", in);
        }
        bundle.start();
        FrameworkWiring wiring = framework.adapt(FrameworkWiring.class);
        ClassLoader[] last = {null};
        return new Peer() {
            @Override
            public long reload(int i) throws Exception {
                byte[] jar = Files.readAllBytes(jars.get(i % 2));
                long t = System.nanoTime();
                bundle.update(new java.io.ByteArrayInputStream(jar));
                CountDownLatch refreshed = new CountDownLatch(1);
                wiring.refreshBundles(List.of(bundle), e -> refreshed.countDown());
                if (!refreshed.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("Felix did not refresh the bundle in " + TIMEOUT_SECONDS + " s");
                }
                ServiceReference<Supplier> ref = context.getServiceReference(Supplier.class);
                Supplier<?> s = context.getService(ref);
                Object first = s.get();
                long took = System.nanoTime() - t;
                context.ungetService(ref);
                last[0] = fresh("Felix", s, first, last[0]);
                return took;
            }

            @Override
            public void close() throws Exception {
                framework.stop();
                framework.waitForStop(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            }
        };
    }

    /** The floor's loop, on this project's plugin: a layer for the other variant, its provider, its first call. */
    private static Peer floor(BenchPlugin plugin) {
        return new Peer() {
            @Override
            public long reload(int i) throws Exception {
                return ModuleLayerFloor.pass(plugin, i).total();
            }

            @Override
            public void close() {
                // nothing held: each pass's layer is garbage once it returns
            }
        };
    }

    /** Every order of {@code 0..n-1}, in lexicographic order. */
    private static List<int[]> orders(int n) {
        List<int[]> all = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, all);
        return List.copyOf(all);
    }

    private static void permute(int[] order, boolean[] used, int k, List<int[]> all) {
        if (k == order.length) {
            all.add(order.clone());
            return;
        }
        for (int v = 0; v < order.length; v++) {
            if (!used[v]) {
                used[v] = true;
                order[k] = v;
                permute(order, used, k + 1, all);
                used[v] = false;
            }
        }
    }

    /** Fails unless {@code s} answered and came from another loader than the last version's. */
    private static ClassLoader fresh(String peer, Object s, Object first, ClassLoader last) {
        ClassLoader loader = s.getClass().getClassLoader();
        if (!PeerJars.ANSWER.equals(first) || loader == last) {
            throw new IllegalStateException(peer + " did not serve a new version: answered " + first + " from " + loader);
        }
        return loader;
    }
}
