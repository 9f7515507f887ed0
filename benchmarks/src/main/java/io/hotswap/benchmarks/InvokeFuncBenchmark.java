package io.hotswap.benchmarks;

import io.hotswap.api.Plugin;
import io.hotswap.runtime.PluginHandle;
import io.hotswap.runtime.Swapper;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of calling a plugin through the runtime against calling the same plugin object
 * directly, with the same arguments: {@code PluginHandle.invokeFunc} holds the generation (one
 * counter up, one down) around the call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InvokeFuncBenchmark {

    private Swapper swapper;
    private PluginHandle handle;
    private Plugin plugin;
    private String module;
    private final Object[] args = {42};

    @Setup(Level.Trial)
    public void load() throws Exception {
        BenchPlugin p = PluginJars.build(1, Files.createTempDirectory("bench-jmh-"));
        module = p.module();
        swapper = Swapper.builder(p.dir(0)).name("bench-jmh").build();
        swapper.loadPlugins(null);
        handle = swapper.current().find(module).orElseThrow();
        plugin = handle.plugin();
    }

    @TearDown(Level.Trial)
    public void close() {
        swapper.close();
    }

    /** The floor: a direct interface call on the plugin object. */
    @Benchmark
    public Object directInterfaceCall() throws Exception {
        return plugin.invokeFunc("echo", args);
    }

    /** Through a handle the host kept: {@code PluginHandle.invokeFunc}. */
    @Benchmark
    public Object handleInvokeFunc() throws Exception {
        return handle.invokeFunc("echo", args);
    }

    /** The full host path, following reloads: {@code swapper.current().find(name)}, then the handle. */
    @Benchmark
    public Object currentFindInvokeFunc() throws Exception {
        return swapper.current().find(module).orElseThrow().invokeFunc("echo", args);
    }
}
