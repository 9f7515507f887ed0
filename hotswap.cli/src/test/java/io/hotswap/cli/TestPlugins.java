package io.hotswap.cli;

import io.hotswap.testkit.plugins.PluginBuilder;

/** The command's test plugin: module {@code name}, whose {@code invokeFunc} answers {@code <name>:<version>}, with one live function {@code live_version}. */
final class TestPlugins {

    private TestPlugins() {
    }

    static PluginBuilder plugin(String name) {
        return PluginBuilder.plugin(name)
                .invoke("return \"" + name + ":\" + VERSION;")
                .members("public static String live_version() { return VERSION; }");
    }
}
