package io.hotswap.runtime.layer;

/**
 * A plugin version's layer, with the controller that may change it. The controller stays inside
 * the runtime: it is how the runtime (and only the runtime) opens plugin packages to itself.
 */
public record DefinedLayer(ModuleLayer layer, ModuleLayer.Controller controller, PluginClassLoader loader) {

    /** The plugin's module in its layer. */
    public Module module() {
        return layer.findModule(loader.moduleName()).orElseThrow();
    }

    /** Lets the loader drop the jar's bytes, once the plugin is freed. */
    public void close() {
        loader.close();
    }
}
