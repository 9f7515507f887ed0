package io.hotswap.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.StackTrace;

/**
 * What every event about one plugin version records: the plugin and its version. JFR takes the
 * fields of an event's superclasses as fields of the event.
 */
@Category("Hotswap")
@StackTrace(false)
abstract class PluginVersionEvent extends Event {

    @Label("Plugin")
    String plugin;

    @Label("Version")
    String version;

    final void about(String plugin, String version) {
        this.plugin = plugin;
        this.version = version;
    }
}
