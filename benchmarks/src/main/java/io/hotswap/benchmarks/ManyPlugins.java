package io.hotswap.benchmarks;

import io.hotswap.runtime.PluginOutcome;
import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.Swapper;
import io.hotswap.testkit.plugins.Jars;
import io.hotswap.testkit.plugins.PluginBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Whether a reload costs what changed: one changed plugin among {@code n} plugins of 2 MiB each
 * (a stored, incompressible resource makes the size), against a directory holding that plugin
 * alone, interleaved in one run. Each round replaces the changed plugin's jar by an atomic move,
 * as {@code hotswap build} does, outside the timed part; timed is {@code swapper.reload} plus the
 * first call of the new version. A third, shorter series touches every file of the large
 * directory before each reload (same bytes, new modification time), so that each is read and
 * hashed again: what every reload cost before reloads skipped unchanged files.
 *
 * <p>Usage: {@code ManyPlugins [warmup] [runs] [plugins] [MiB]} (default 30, 100, 100 and 2).
 */
public final class ManyPlugins {

    /** The goal: one changed plugin among many within 1.5× one plugin alone. */
    private static final double GOAL = 1.5;
    private static final Duration FREE_DELAY = Duration.ofMillis(Long.getLong("bench.freeDelayMs", 5000));
    /** Longer than the tick within which the runtime distrusts a file's stamp (see FileStamp). */
    private static final Duration SETTLE = Duration.ofSeconds(4);
    private static final String CHANGED = "bench.m0";

    private ManyPlugins() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.of(args, "ManyPlugins [warmup] [runs] [plugins] [MiB]", 0);
        BenchArgs.Rounds rounds = a.rounds(0, 30, 100);
        int plugins = a.number(2, 100);
        int mib = a.number(3, 2);
        Path root = Files.createTempDirectory("bench-many-");
        Path noModules = Files.createDirectories(root.resolve("no-modules"));
        Path one = Files.createDirectories(root.resolve("one"));
        Path many = Files.createDirectories(root.resolve("many"));
        List<Path> variants = new ArrayList<>();
        for (String v : List.of("a", "b")) {
            Path jar = root.resolve(CHANGED + "-" + v + ".jar");
            plugin(0, v, mib, jar, noModules);
            variants.add(jar);
        }
        Files.copy(variants.get(0), one.resolve(CHANGED + ".jar"));
        Files.copy(variants.get(0), many.resolve(CHANGED + ".jar"));
        for (int k = 1; k < plugins; k++) {
            plugin(k, "a", mib, many.resolve("bench.m" + k + ".jar"), noModules);
        }
        Instant written = Instant.now();
        Report report = new Report("many-plugins");
        long[] alone = new long[rounds.runs()];
        long[] among = new long[rounds.runs()];
        int touchedRuns = Math.max(1, rounds.runs() / 5);
        long[] touched = new long[touchedRuns];
        StepTimes stepsAlone = new StepTimes(rounds.runs());
        StepTimes stepsAmong = new StepTimes(rounds.runs());
        try (Swapper s1 = swapper(one, "bench-one"); Swapper sn = swapper(many, "bench-many")) {
            s1.loadPlugins(null);
            sn.loadPlugins(null);
            // A file written within a tick of its read is read again at every reload until the
            // tick has passed: the measured reloads start once it has, as a host's would.
            Duration left = Duration.between(Instant.now(), written.plus(SETTLE));
            if (!left.isNegative()) {
                Thread.sleep(left.toMillis());
            }
            for (int i = 1; i <= rounds.total(); i++) {
                int m = rounds.sample(i - 1);
                Path next = variants.get(i % 2);
                long[] t = new long[2];
                ReloadDetails[] d = new ReloadDetails[2];
                Interleaving.inTurn(i, () -> t[0] = reload(s1, one, next, r -> d[0] = r),
                        () -> t[1] = reload(sn, many, next, r -> d[1] = r));
                if (m >= 0) {
                    alone[m] = t[0];
                    among[m] = t[1];
                    stepsAlone.record(d[0], m);
                    stepsAmong.record(d[1], m);
                }
            }
            for (int i = 0; i < touchedRuns; i++) {
                try (Stream<Path> files = Files.list(many)) {
                    FileTime now = FileTime.from(Instant.now());
                    for (Path f : files.toList()) {
                        Files.setLastModifiedTime(f, now);
                    }
                }
                touched[i] = reload(sn, many, variants.get((rounds.total() + 1 + i) % 2), r -> { });
            }
        }
        Samples a1 = Samples.of(alone);
        Samples an = Samples.of(among);
        double ratio = (double) an.median() / a1.median();
        report.figure(new Figure("reload, one changed plugin among %d of %d MiB each (reload + first call)".formatted(plugins, mib),
                an.describeMillis(), "that plugin alone: " + a1.describeMillis(),
                "%.2f× (p90 %.2f×)".formatted(ratio, (double) an.p90() / a1.p90()), "≤ 1.5× one plugin", ratio <= GOAL));
        report.note(("- %d plugins of %,d bytes each (one class and a stored resource of %d MiB of random bytes), the changed one"
                + " replaced by an atomic move before each reload, outside the timed part. %d rounds of warm-up, then %d,"
                + " each timing both directories (which goes first alternates). Free delay %d ms.")
                .formatted(plugins, Files.size(variants.get(0)), mib, rounds.warmup(), rounds.runs(), FREE_DELAY.toMillis()));
        report.note("- Reload path, median per step (`ReloadDetails.steps()`), one plugin alone: %s; among %d: %s."
                .formatted(stepsAlone.medians(), plugins, stepsAmong.medians()));
        report.note(("- The same %d plugins, every file touched before each reload (same bytes, a new modification time), so"
                + " that every file is read and hashed again, as every reload did before unchanged files were skipped: %s.")
                .formatted(plugins, Samples.of(touched).describeMillis()));
        report.write();
    }

    private static Swapper swapper(Path dir, String name) {
        return Swapper.builder(dir).name(name).freeDelay(FREE_DELAY).build();
    }

    /** Puts {@code variant} in place as {@code hotswap build} does, then times reload + first call. */
    private static long reload(Swapper swapper, Path dir, Path variant, Consumer<ReloadDetails> details)
            throws Exception {
        Path target = dir.resolve(CHANGED + ".jar");
        Path tmp = dir.resolve(CHANGED + ".jar.tmp");
        Files.copy(variant, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long t = System.nanoTime();
        ReloadDetails d = swapper.reload(null);
        Object first = swapper.current().find(CHANGED).orElseThrow().invokeFunc("echo", "x");
        long took = System.nanoTime() - t;
        details.accept(d);
        if (!d.outcome(CHANGED).equals(Optional.of(PluginOutcome.OK)) || !"x".equals(first)) {
            throw new IllegalStateException("reload did not serve a new " + CHANGED + ": " + d + ", answered " + first);
        }
        return took;
    }

    /**
     * Writes plugin {@code bench.m<k>} to {@code jar}: one class, which answers its argument, and
     * a stored entry of {@code mib} MiB of random bytes, seeded by the jar's name and {@code variant}.
     */
    private static void plugin(int k, String variant, int mib, Path jar, Path noModules) throws IOException {
        String module = "bench.m" + k;
        PluginBuilder plugin = PluginJars.variant(PluginBuilder.plugin(module), variant)
                .withLiveIndex(PluginJars.LIVE_PREFIX).implementation("""
                        package %s.impl;
                        public final class Impl implements io.hotswap.api.Plugin {
                            @Override
                            public Object invokeFunc(String name, Object... params) {
                                return params[0];
                            }
                        }
                        """.formatted(module));
        plugin.buildAs(jar, noModules);
        byte[] ballast = new byte[mib << 20];
        new Random((jar.getFileName() + variant).hashCode()).nextBytes(ballast);
        Jars.write(jar, Jars.bytes(Jars.entriesOfJar(jar), Map.of("META-INF/bench-ballast.bin", ballast)));
    }
}
