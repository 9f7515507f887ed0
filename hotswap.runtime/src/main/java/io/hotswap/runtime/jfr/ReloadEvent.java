package io.hotswap.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A load or reload of a swapper's plugin directory; its duration is the reload's. */
@Name("io.hotswap.Reload")
@Label("Plugin Reload")
@Category("Hotswap")
@Description("A load or reload of the plugin directory: the generation it made current, or why it failed")
@StackTrace(false)
public final class ReloadEvent extends Event {

    @Label("Host")
    String host;

    @Label("First Load")
    boolean firstLoad;

    @Label("Succeeded")
    boolean succeeded;

    @Label("Generation")
    @Description("The generation made current; 0 if the reload failed")
    long generation;

    @Label("Details")
    @Description("The outcome per plugin, or the error naming plugin, step and cause")
    String details;

    public ReloadEvent(String host, boolean firstLoad) {
        this.host = host;
        this.firstLoad = firstLoad;
    }

    public void succeeded(long generation, String details) {
        this.succeeded = true;
        this.generation = generation;
        this.details = details;
    }

    public void failed(String error) {
        this.succeeded = false;
        this.details = error;
    }
}
