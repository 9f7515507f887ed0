package io.hotswap.runtime;

/**
 * The steps of a load or reload, in the order they run for one plugin. A {@link ReloadException}
 * says at which of them it failed.
 *
 * @since 0.1
 */
public enum ReloadStep {
    /** Reading the jar's bytes and entries. */
    READ_JAR("read jar"),
    /** Reading the module descriptor and checking the plugin's shape (explicit module, one provider). */
    DESCRIBE("describe module"),
    /** Ordering the plugins by their {@code requires} edges: cycles, missing plugins. */
    ORDER("order dependencies"),
    /** Resolving the module's configuration and defining its layer. */
    DEFINE_LAYER("define layer"),
    /** Finding and instantiating the {@code Plugin} provider. */
    INSTANTIATE("instantiate provider"),
    RELOADABLE("reloadable()"),
    EXPORT("export()"),
    IMPORTS("imports()"),
    ON_LOAD("onLoad()"),
    /** Setting up the generation's vault: extension factory, live names. */
    VAULT("set up vault"),
    ON_INIT("onInit()"),
    /** The host's reload callback. */
    CALLBACK("reload callback"),
    /** Making the new generation current. */
    SWAP("swap");

    private final String label;

    ReloadStep(String label) {
        this.label = label;
    }

    /** A short human label, as used in error messages. */
    public String label() {
        return label;
    }
}
