package io.hotswap.testkit.plugins;

import io.hotswap.build.classfile.LiveNames;
import io.hotswap.protocol.live.LiveIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a plugin jar from sources inside a test: a module whose {@code Impl} records its
 * lifecycle into the {@code Consumer<String>} found under the system property
 * {@code hotswap.fixture.events} (if any), answers {@code invokeFunc} with its version, and can be
 * told to throw or hang in any hook; or, with {@link #implementation}, a plugin class of the
 * test's own.
 *
 * <p>Events are {@code <plugin>:<hook>:<version>}, e.g. {@code alpha:onLoad:v1}. The live index,
 * when asked for, is the one {@code hotswap build} computes ({@link LiveNames}).
 */
public final class PluginBuilder {

    private final String name;
    private String version = "v1";
    private final Set<String> requires = new LinkedHashSet<>();
    private final Set<String> throwIn = new LinkedHashSet<>();
    private final Set<String> hangIn = new LinkedHashSet<>();
    private boolean stubborn;
    private boolean reloadable = true;
    private String exportExpression = "null";
    private String importsBody = "";
    private String invokeBody;
    private String onLoadBody = "";
    private String onInitBody = "";
    private String implementation;
    private String onFreeBody = "";
    private String members = "";
    private final Map<String, String> extraSources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final List<String> moduleLines = new ArrayList<>();
    private boolean provider = true;
    private String extraProviders = "";
    private String liveIndexPrefix;
    private byte[] rawLiveIndex;

    private PluginBuilder(String name) {
        this.name = name;
    }

    public static PluginBuilder plugin(String name) {
        return new PluginBuilder(name);
    }

    public PluginBuilder version(String version) { this.version = version; return this; }

    /** {@code requires <module>;} in module-info for each: another plugin, a host module, a library. */
    public PluginBuilder requires(String... modules) { requires.addAll(List.of(modules)); return this; }

    /**
     * The named hook never returns: it waits (after recording its event) until it is interrupted,
     * then throws; or, {@link #stubbornly stubbornly}, until the system property
     * {@code hotswap.fixture.release} is {@code true}, ignoring interrupts.
     */
    public PluginBuilder hangIn(String hook) { hangIn.add(hook); return this; }

    /** A hook that hangs ignores interrupts (a plugin blocked where interrupts do not reach). */
    public PluginBuilder stubbornly() { this.stubborn = true; return this; }

    /** The named hook throws {@code IllegalStateException("boom in <hook>")}. */
    public PluginBuilder throwIn(String hook) { throwIn.add(hook); return this; }

    public PluginBuilder notReloadable() { this.reloadable = false; return this; }

    /** A Java expression returned by {@code export()}. */
    public PluginBuilder export(String expression) { this.exportExpression = expression; return this; }

    /** Statements of {@code imports(io.hotswap.api.Imports imports)}. */
    public PluginBuilder imports(String body) { this.importsBody = body; return this; }

    /** Statements of {@code invokeFunc(String name, Object... params)}; must return. */
    public PluginBuilder invoke(String body) { this.invokeBody = body; return this; }

    /** Statements added to {@code onLoad(Object data)}. */
    public PluginBuilder onLoad(String body) { this.onLoadBody = body; return this; }

    /** Statements added to {@code onInit(io.hotswap.api.Vault vault)}. */
    public PluginBuilder onInit(String body) { this.onInitBody = body; return this; }

    /** Statements added to {@code onFree()}. */
    public PluginBuilder onFree(String body) { this.onFreeBody = body; return this; }

    /** Fields and methods added to the plugin class (after those added before). */
    public PluginBuilder members(String code) { this.members = members + code + "\n"; return this; }

    /**
     * The whole source of {@code <pkg>.Impl}, the provider, instead of the recording one: for a
     * plugin that should cost nothing per call (benchmarks) or do what no option here says.
     */
    public PluginBuilder implementation(String source) { this.implementation = source; return this; }

    /** Another source file, by path relative to the source root, e.g. {@code alpha/api/Api.java}. */
    public PluginBuilder source(String path, String code) { extraSources.put(path, code); return this; }

    /** A resource file packed into the jar as is, e.g. {@code alpha/impl/greeting.txt}. */
    public PluginBuilder resource(String path, String content) { resources.put(path, content); return this; }

    /** A line added to module-info, e.g. {@code exports alpha.api;}. */
    public PluginBuilder moduleLine(String line) { moduleLines.add(line); return this; }

    /** Leaves out the {@code provides} clause. */
    public PluginBuilder noProvider() { this.provider = false; return this; }

    /** Adds a second implementation to the {@code provides} clause. */
    public PluginBuilder twoProviders() {
        this.extraProviders = ", " + pkg() + ".Second";
        extraSources.put(pkg().replace('.', '/') + "/Second.java",
                "package " + pkg() + "; public final class Second implements io.hotswap.api.Plugin { }");
        return this;
    }

    public String pkg() {
        return name.replace('-', '_') + ".impl";
    }

    /** Compiles into {@code dir/<name>.jar}, against the API and the other jars in {@code dir}. */
    public Path buildInto(Path dir) {
        return buildAs(dir.resolve(name + ".jar"), dir);
    }

    /** Compiles into {@code jar}, against the API and the jars in {@code modulePathDir}. */
    public Path buildAs(Path jar, Path modulePathDir) {
        Path work = tempDirectory();
        try {
            Path classes = compileInto(work.resolve("classes"), modulePathDir);
            Map<String, byte[]> entries = Jars.entriesOf(classes);
            resources.forEach((path, text) -> entries.put(path, text.getBytes(StandardCharsets.UTF_8)));
            if (liveIndexPrefix != null) {
                entries.put(LiveIndex.PATH, new LiveIndex(liveIndexPrefix, LiveNames.scan(entries, liveIndexPrefix)).toBytes());
            }
            if (rawLiveIndex != null) {
                entries.put(LiveIndex.PATH, rawLiveIndex);
            }
            return Jars.write(jar, Jars.bytes(entries));
        } finally {
            Javac.deleteTree(work);
        }
    }

    /** Compiles the plugin's sources into the directory {@code classes}, module-info.class included. */
    public Path compileInto(Path classes, Path modulePathDir) {
        Path src = tempDirectory();
        try {
            return Javac.compile(sources(), src, classes, List.of(modulePathDir));
        } finally {
            Javac.deleteTree(src);
        }
    }

    /**
     * Writes the plugin's sources below {@code root} ({@code module-info.java} at the top), as a
     * plugin project that {@code hotswap build} compiles; @return {@code root}
     */
    public Path writeSourcesTo(Path root) {
        sources().forEach((path, code) -> Javac.write(root.resolve(path), code));
        return root;
    }

    private Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("module-info.java", moduleInfo());
        sources.put(pkg().replace('.', '/') + "/Impl.java", implementation != null ? implementation : implementation());
        sources.putAll(extraSources);
        return sources;
    }

    private Path tempDirectory() {
        try {
            return Files.createTempDirectory("plugin-src-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build plugin " + name, e);
        }
    }

    /** Writes the live index of the compiled classes into the jar, as {@code hotswap build} does. */
    public PluginBuilder withLiveIndex(String prefix) { this.liveIndexPrefix = prefix; return this; }

    /** Writes these bytes as the live index into the jar, e.g. a stale one. */
    public PluginBuilder withRawLiveIndex(byte[] index) { this.rawLiveIndex = index.clone(); return this; }

    private String moduleInfo() {
        StringBuilder sb = new StringBuilder("module " + name + " {\n  requires io.hotswap.api;\n");
        requires.forEach(r -> sb.append("  requires ").append(r).append(";\n"));
        moduleLines.forEach(l -> sb.append("  ").append(l).append('\n'));
        if (provider) {
            sb.append("  provides io.hotswap.api.Plugin with ").append(pkg()).append(".Impl").append(extraProviders).append(";\n");
        }
        return sb.append("}\n").toString();
    }

    private String implementation() {
        String event = "\"" + name + ":\" + %s + \":" + version + "\"";
        return """
                package %1$s;

                import java.util.function.Consumer;

                public final class Impl implements io.hotswap.api.Plugin {
                    public static final String VERSION = "%2$s";
                    @SuppressWarnings("unchecked")
                    private void record(String hook) {
                        // The test's Events object, shared through a JDK type: plugins cannot see test classes.
                        Object sink = System.getProperties().get("hotswap.fixture.events");
                        if (sink instanceof Consumer) {
                            ((Consumer<String>) sink).accept(%3$s);
                        }
                        if (%4$s.contains(hook)) {
                            throw new IllegalStateException("boom in " + hook);
                        }
                        if (%12$s.contains(hook)) {
                            hang(hook);
                        }
                    }

                    @Override public boolean reloadable() { record("reloadable"); return %5$s; }
                    @Override public Object export() { record("export"); return %6$s; }
                    @Override public void imports(io.hotswap.api.Imports imports) { record("imports"); %7$s }
                    @Override public void onLoad(Object data) { record("onLoad"); %14$s }
                    @Override public void onInit(io.hotswap.api.Vault vault) { record("onInit"); %8$s }
                    @Override public void onFree() { record("onFree"); %9$s }
                    @Override public Object invokeFunc(String name, Object... params) throws Exception {
                        if (%4$s.contains("invokeFunc")) { throw new IllegalStateException("boom in invokeFunc"); }
                        %10$s
                    }
                    private static void hang(String hook) {
                        if (%13$s) {
                            while (!Boolean.getBoolean("hotswap.fixture.release")) {
                                try {
                                    Thread.sleep(20);
                                } catch (InterruptedException e) {
                                    // stubborn: interrupts do not reach where it waits
                                }
                            }
                            return;
                        }
                        try {
                            new java.util.concurrent.CountDownLatch(1).await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("interrupted in " + hook, e);
                        }
                    }
                %11$s
                }
                """.formatted(pkg(), version, event.formatted("hook"), setLiteral(throwIn), reloadable,
                exportExpression, importsBody, onInitBody, onFreeBody,
                invokeBody != null ? invokeBody : "return \"" + name + ":\" + name + \":" + version + "\";",
                members, setLiteral(hangIn), stubborn, onLoadBody);
    }

    private static String setLiteral(Set<String> values) {
        StringBuilder sb = new StringBuilder("java.util.Set.of(");
        int i = 0;
        for (String v : values) {
            sb.append(i++ == 0 ? "" : ", ").append('"').append(v).append('"');
        }
        return sb.append(')').toString();
    }

    /** Where io.hotswap.api was loaded from: its jar or classes directory. */
    public static Path apiLocation() {
        return Javac.apiLocation();
    }

    public static void deleteTree(Path dir) {
        Javac.deleteTree(dir);
    }
}
