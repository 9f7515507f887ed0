package io.hotswap.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A freed plugin version found still reachable past the leak threshold. */
@Name("io.hotswap.Leak")
@Label("Plugin Leak")
@Category("Hotswap")
@Description("A freed plugin version whose layer is still reachable: held for certain, or after the configured GC cycles")
@StackTrace(false)
public final class LeakEvent extends Event {

    @Label("Plugin")
    String plugin;

    @Label("Version")
    String version;

    @Label("Alive For")
    @Timespan(Timespan.MILLISECONDS)
    long aliveFor;

    @Label("Threads")
    @Description("Live threads found holding the layer")
    String threads;

    @Label("Holders")
    @Description("What else holds the layer: JDBC drivers, shutdown hooks, logging handlers, ThreadLocal values")
    String holders;

    public void leaked(String plugin, String version, long aliveForMillis, String threads, String holders) {
        this.plugin = plugin;
        this.version = version;
        this.aliveFor = aliveForMillis;
        this.threads = threads;
        this.holders = holders;
    }
}
