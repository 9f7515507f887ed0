package io.hotswap.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A plugin version freed: its {@code onFree} ran (its duration) and the runtime let go of its layer. */
@Name("io.hotswap.Free")
@Label("Plugin Free")
@Category("Hotswap")
@Description("A replaced plugin version freed: onFree ran and its layer was released for collection")
@StackTrace(false)
public final class FreeEvent extends Event {

    @Label("Plugin")
    String plugin;

    @Label("Version")
    String version;

    @Label("Why")
    String reason;

    public void freed(String plugin, String version, String reason) {
        this.plugin = plugin;
        this.version = version;
        this.reason = reason;
    }
}
