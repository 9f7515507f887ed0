package io.hotswap.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One plugin version loaded into its own layer: from defining the layer to {@code onLoad} returned. */
@Name("io.hotswap.Load")
@Label("Plugin Load")
@Category("Hotswap")
@Description("A plugin version loaded into a new layer, its hooks up to onLoad run")
@StackTrace(false)
public final class LoadEvent extends Event {

    @Label("Plugin")
    String plugin;

    @Label("Version")
    String version;

    @Label("Generation")
    long generation;

    public void loaded(String plugin, String version, long generation) {
        this.plugin = plugin;
        this.version = version;
        this.generation = generation;
    }
}
