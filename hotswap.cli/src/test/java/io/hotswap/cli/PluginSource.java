package io.hotswap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the sources of a small plugin: module {@code name}, class {@code <name>.impl.Impl}, whose
 * {@code invokeFunc} answers {@code <name>:<version>}, with one live function {@code live_version}.
 */
public final class PluginSource {

    private final String name;
    private String version = "v1";
    private String onLoad = "";
    private String extraMembers = "";
    private String requires = "";

    private PluginSource(String name) {
        this.name = name;
    }

    public static PluginSource plugin(String name) {
        return new PluginSource(name);
    }

    public PluginSource version(String version) {
        this.version = version;
        return this;
    }

    /** Statements of {@code onLoad}. */
    public PluginSource onLoad(String body) {
        this.onLoad = body;
        return this;
    }

    public PluginSource members(String code) {
        this.extraMembers = code;
        return this;
    }

    /** Further modules the plugin {@code requires}, e.g. libraries of its bundle. */
    public PluginSource requires(String... modules) {
        StringBuilder sb = new StringBuilder();
        for (String m : modules) {
            sb.append("    requires ").append(m).append(";\n");
        }
        this.requires = sb.toString();
        return this;
    }

    /** Writes {@code module-info.java} at {@code root} and the class below it; returns {@code root}. */
    public Path writeTo(Path root) throws IOException {
        Files.createDirectories(root);
        Files.writeString(root.resolve("module-info.java"), "module " + name + " {\n    requires io.hotswap.api;\n"
                + requires + "    provides io.hotswap.api.Plugin with " + name + ".impl.Impl;\n}\n");
        Path impl = root.resolve(name + "/impl/Impl.java");
        Files.createDirectories(impl.getParent());
        Files.writeString(impl, """
                package %1$s.impl;

                public final class Impl implements io.hotswap.api.Plugin {
                    public static String live_version() {
                        return "%2$s";
                    }

                    @Override
                    public void onLoad(Object data) {
                        %3$s
                    }

                    @Override
                    public Object invokeFunc(String name, Object... params) {
                        return "%1$s:%2$s";
                    }
                %4$s
                }
                """.formatted(name, version, onLoad, extraMembers));
        return root;
    }
}
