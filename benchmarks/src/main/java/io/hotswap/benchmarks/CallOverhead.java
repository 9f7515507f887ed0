package io.hotswap.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Call overhead (JMH): {@code PluginHandle.invokeFunc} against a direct interface call on the
 * same plugin object with the same arguments; a live function against a direct {@code MethodHandle}
 * call of the same method. Every benchmark runs in the same forks, one after the other.
 *
 * <p>Usage: {@code CallOverhead [forks] [warmup iterations] [measurement iterations]} (default 2, 3, 5; 1 s each).
 */
public final class CallOverhead {

    private static final double OVERHEAD_GOAL_NS = 10.0;
    private static final double LIVE_RATIO_GOAL = 2.0;

    private CallOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Report report = new Report("call-overhead");
        // The fork needs the runtime on the module path, as this JVM has it, and the plugin build
        // that the test kit's PluginBuilder (on the class path) writes the live index with.
        List<String> jvmArgs = new ArrayList<>(List.of("-Xms256m", "-Xmx256m",
                "--module-path", System.getProperty("jdk.module.path"), "--add-modules", "io.hotswap.runtime,io.hotswap.build",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(InvokeFuncBenchmark.class.getName() + "\\.")
                .forks(forks)
                .warmupIterations(warmup).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true)
                .build()).run();
        Map<String, Result<?>> byName = new HashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            byName.put(label.substring(label.lastIndexOf('.') + 1), r.getPrimaryResult());
        }
        Result<?> direct = byName.get("directInterfaceCall");
        Result<?> handle = byName.get("handleInvokeFunc");
        Result<?> current = byName.get("currentFindInvokeFunc");
        double overhead = handle.getScore() - direct.getScore();
        report.figure(new Figure("`PluginHandle.invokeFunc` call (JMH, avg)", ns(handle), ns(direct) + " direct interface call",
                "%+.1f ns".formatted(overhead), "≤ 10 ns over direct", overhead <= OVERHEAD_GOAL_NS));
        report.note("- `swapper.current().find(name).orElseThrow().invokeFunc(...)`, the host path that follows reloads: "
                + ns(current) + " (%+.1f ns over direct).".formatted(current.getScore() - direct.getScore()));
        report.note("- JMH 1.37, average time, %d fork(s) × %d warm-up + %d measured iterations of 1 s; ± is JMH's 99.9 %% confidence half-width."
                .formatted(forks, warmup, iterations));
        Result<?> mh = byName.get("directMethodHandle");
        Result<?> live = byName.get("liveFunctionCall");
        Result<?> liveByName = byName.get("liveFunctionByName");
        double liveRatio = live.getScore() / mh.getScore();
        report.figure(new Figure("live function call `LiveFunction.call` (JMH, avg)", ns(live),
                ns(mh) + " direct `MethodHandle.invokeExact`", "%.2f×".formatted(liveRatio), "≤ 2× direct MethodHandle",
                liveRatio <= LIVE_RATIO_GOAL));
        report.note("- Live function looked up by name in the current generation (`current().vault().liveFuncs().call(name, ...)`): "
                + ns(liveByName) + " (%.2f× the direct MethodHandle).".formatted(liveByName.getScore() / mh.getScore()));
        report.note("- The function is `static String live_echo(String)`; the direct handle is held in a plain field (not a constant), called with `invokeExact`; the live function is held too, called with `call(Object...)`, which checks the number of arguments, holds the generation (a striped call count, up on entry and down on exit) and passes the one argument to the method through a hidden class that holds its handle as a constant.");
        report.write();
    }

    private static String ns(Result<?> r) {
        return "%.1f ± %.1f ns".formatted(r.getScore(), r.getScoreError());
    }
}
