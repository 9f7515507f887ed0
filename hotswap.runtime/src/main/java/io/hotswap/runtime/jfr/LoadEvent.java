package io.hotswap.runtime.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** One plugin version loaded into its own layer: from defining the layer to {@code onLoad} returned. */
@Name("io.hotswap.Load")
@Label("Plugin Load")
@Description("A plugin version loaded into a new layer, its hooks up to onLoad run")
public final class LoadEvent extends PluginVersionEvent {

    @Label("Generation")
    long generation;

    public void loaded(String plugin, String version, long generation) {
        about(plugin, version);
        this.generation = generation;
    }
}
