package io.hotswap.benchmarks;

import io.hotswap.api.LiveFunction;
import io.hotswap.api.Plugin;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
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
 * counter up, one down) around the call. And a live function against a direct
 * {@code MethodHandle} call of the same static method.
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
    private final String text = "hello";
    private LiveFunction liveEcho;
    // Not final and not static: a handle the host holds in a field, as it would hold the live function.
    private MethodHandle echoHandle;

    @Setup(Level.Trial)
    public void load() throws Exception {
        BenchPlugin p = PluginJars.build(1, Files.createTempDirectory("bench-jmh-"));
        module = p.module();
        swapper = Swapper.builder(p.dir(0)).name("bench-jmh").build();
        swapper.loadPlugins(null);
        handle = swapper.current().find(module).orElseThrow();
        plugin = handle.plugin();
        liveEcho = swapper.current().vault().liveFuncs().find("live_echo").orElseThrow();
        Method m = plugin.getClass().getMethod("live_echo", String.class);
        echoHandle = MethodHandles.publicLookup().unreflect(m);
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

    /** The floor of a live function: a direct {@code MethodHandle} call of the same static method. */
    @Benchmark
    public String directMethodHandle() throws Throwable {
        return (String) echoHandle.invokeExact(text);
    }

    /** A live function the host looked up once: {@code LiveFunction.call}. */
    @Benchmark
    public Object liveFunctionCall() {
        return liveEcho.call(text);
    }

    /** By name in the current generation, as hosts are told to: {@code current().vault().liveFuncs().call(name, ...)}. */
    @Benchmark
    public Object liveFunctionByName() {
        return swapper.current().vault().liveFuncs().call("live_echo", text);
    }

    /** The full host path, following reloads: {@code swapper.current().find(name)}, then the handle. */
    @Benchmark
    public Object currentFindInvokeFunc() throws Exception {
        return swapper.current().find(module).orElseThrow().invokeFunc("echo", args);
    }
}
