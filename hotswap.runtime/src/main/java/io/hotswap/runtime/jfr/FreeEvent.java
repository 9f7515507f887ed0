package io.hotswap.runtime.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A plugin version freed: its {@code onFree} ran (its duration) and the runtime let go of its layer. */
@Name("io.hotswap.Free")
@Label("Plugin Free")
@Description("A replaced plugin version freed: onFree ran and its layer was released for collection")
public final class FreeEvent extends PluginVersionEvent {

    @Label("Why")
    String reason;

    public void freed(String plugin, String version, String reason) {
        about(plugin, version);
        this.reason = reason;
    }
}
