package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotswap.testkit.plugins.PluginBuilder;
import io.hotswap.runtime.fixtures.RecordingLogger;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.management.ObjectName;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A freed version that a JDK registry still holds is reported at once, naming the holder, through
 * every channel (log, status, JMX, JFR); one that released what it registered is collected and
 * never reported. The surefire JVM opens {@code java.lang} to the runtime, so the shutdown hook and
 * {@code ThreadLocal} checks run here; {@code leak.HolderSearchTest} covers a JVM that does not.
 */
class LeakHoldersTest {

    private static final Duration BOUND = Duration.ofSeconds(60);
    // Where a leaking plugin leaves how to undo its leak, for the test to run when it ends.
    private static final String RELEASE = "hotswap.fixture.release";
    private static final String RELEASE_MEMBER = """
            static void release(Runnable undo) { System.getProperties().put("%s", undo); }
            static final ThreadLocal<Object> SESSION = new ThreadLocal<>();
            static final class Session { }
            """.formatted(RELEASE);

    private static final String DRIVER = """
            package alpha.impl;
            public final class LeakyDriver implements java.sql.Driver {
                public java.sql.Connection connect(String url, java.util.Properties info) { return null; }
                public boolean acceptsURL(String url) { return false; }
                public java.sql.DriverPropertyInfo[] getPropertyInfo(String url, java.util.Properties info) {
                    return new java.sql.DriverPropertyInfo[0];
                }
                public int getMajorVersion() { return 1; }
                public int getMinorVersion() { return 0; }
                public boolean jdbcCompliant() { return false; }
                public java.util.logging.Logger getParentLogger() { return java.util.logging.Logger.getLogger("alpha"); }
            }
            """;
    private static final String HANDLER = """
            package alpha.impl;
            public final class LeakyHandler extends java.util.logging.Handler {
                public void publish(java.util.logging.LogRecord record) { }
                public void flush() { }
                public void close() { }
            }
            """;

    @TempDir
    Path dir;

    @TempDir
    Path out;

    private final RecordingLogger log = new RecordingLogger("test");
    // A host's pooled thread: it outlives every plugin version it runs.
    private final ExecutorService hostPool = Executors.newSingleThreadExecutor(r -> new Thread(r, "host-pool"));
    private Swapper swapper;

    /** One way to leave a freed version held, and the holder the report must name. */
    record Leak(String what, UnaryOperator<PluginBuilder> plugin, String holder) {

        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Leak> leaks() {
        return Stream.of(
                new Leak("a JDBC driver left registered", p -> p.moduleLine("requires java.sql;")
                        .source("alpha/impl/LeakyDriver.java", DRIVER).onInit("""
                                LeakyDriver d = new LeakyDriver();
                                try { java.sql.DriverManager.registerDriver(d); } catch (java.sql.SQLException e) { throw new IllegalStateException(e); }
                                release(() -> {
                                    try { java.sql.DriverManager.deregisterDriver(d); } catch (java.sql.SQLException e) { throw new IllegalStateException(e); }
                                });"""),
                        "JDBC driver alpha.impl.LeakyDriver registered in DriverManager"),
                new Leak("a shutdown hook left registered", p -> p.onInit("""
                                Thread hook = new Thread(() -> { }, "leaky-hook");
                                Runtime.getRuntime().addShutdownHook(hook);
                                release(() -> Runtime.getRuntime().removeShutdownHook(hook));"""),
                        "shutdown hook thread \"leaky-hook\" (its context class loader is the plugin's) registered in Runtime"),
                new Leak("a logging handler left on the root logger", p -> p.moduleLine("requires java.logging;")
                        .source("alpha/impl/LeakyHandler.java", HANDLER).onInit("""
                                java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
                                LeakyHandler h = new LeakyHandler();
                                root.addHandler(h);
                                release(() -> root.removeHandler(h));"""),
                        "java.util.logging handler alpha.impl.LeakyHandler on logger \"\""),
                new Leak("a ThreadLocal value left on a host thread", p -> p.invoke("SESSION.set(new Session()); return \"open\";"),
                        "ThreadLocal value alpha.impl.Impl$Session on thread \"host-pool\""));
    }

    @AfterEach
    void release() throws Exception {
        if (System.getProperties().remove(RELEASE) instanceof Runnable undo) {
            undo.run();
        }
        hostPool.shutdownNow();
        if (swapper != null) {
            swapper.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaks")
    void aVersionHeldByAJdkRegistryIsReportedAtOnceNamingTheHolder(Leak leak) throws Exception {
        leak.plugin().apply(plugin("alpha").version("v1").members(RELEASE_MEMBER)).buildInto(dir);
        List<RecordedEvent> recorded;
        String[] jmxLeaks;
        try (Recording recording = new Recording()) {
            recording.enable("io.hotswap.Leak");
            recording.start();
            // A threshold no test waits for: only a certain holder can have the version reported.
            swapper = swapper(dir).name("holders").logger(log).jmx(true).leakThreshold(3, Duration.ofHours(1))
                    .leakCheckInterval(Duration.ofMillis(100)).collectWhenQuiet(false).build();
            swapper.loadPlugins(null);
            hostPool.submit(() -> swapper.invokeEach("open")).get();
            plugin("alpha").version("v2").buildInto(dir);
            swapper.reload(null);

            await("the holder reported").atMost(BOUND).until(() -> !swapper.status().leaks().isEmpty());
            jmxLeaks = (String[]) ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName("io.hotswap:type=Swapper,name=holders"), "Leaks");
            recording.stop();
            Path file = out.resolve("leak.jfr");
            recording.dump(file);
            recorded = RecordingFile.readAllEvents(file);
        }

        LeakReport report = swapper.status().leaks().get(0);
        assertThat(report.plugin()).isEqualTo("alpha");
        assertThat(report.holders()).contains(leak.holder());
        assertThat(report.threads()).isEmpty();
        assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN Plugin alpha (")).singleElement().asString()
                .contains("whatever the collector does, by: ").contains(leak.holder());
        assertThat(jmxLeaks).singleElement().asString().startsWith("alpha ").contains("held by " + leak.holder());
        assertThat(recorded).filteredOn(e -> e.getEventType().getName().equals("io.hotswap.Leak")).singleElement()
                .satisfies(e -> assertThat(e.getString("holders")).contains(leak.holder()));
    }

    @Test
    void aVersionThatReleasesWhatItRegisteredIsCollectedAndNeverReported() throws Exception {
        // Each holder of the leaks above, undone in onFree (the ThreadLocal before its call returns);
        // and a handler on the plugin's own logger, which only the plugin holds: it pins nothing.
        plugin("alpha").version("v1").members(RELEASE_MEMBER + """
                        static final java.util.logging.Logger OWN = java.util.logging.Logger.getLogger("alpha.own");
                        static Runnable undo;
                        """).moduleLine("requires java.sql;").moduleLine("requires java.logging;")
                .source("alpha/impl/LeakyDriver.java", DRIVER).source("alpha/impl/LeakyHandler.java", HANDLER)
                .onInit("""
                        LeakyDriver d = new LeakyDriver();
                        try { java.sql.DriverManager.registerDriver(d); } catch (java.sql.SQLException e) { throw new IllegalStateException(e); }
                        Thread hook = new Thread(() -> { }, "clean-hook");
                        Runtime.getRuntime().addShutdownHook(hook);
                        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
                        LeakyHandler h = new LeakyHandler();
                        root.addHandler(h);
                        OWN.addHandler(new LeakyHandler());
                        undo = () -> {
                            try { java.sql.DriverManager.deregisterDriver(d); } catch (java.sql.SQLException e) { throw new IllegalStateException(e); }
                            Runtime.getRuntime().removeShutdownHook(hook);
                            root.removeHandler(h);
                        };""")
                .invoke("SESSION.set(new Session()); try { return \"open\"; } finally { SESSION.remove(); }")
                .onFree("undo.run();")
                .buildInto(dir);
        swapper = swapper(dir).logger(log).leakThreshold(3, Duration.ofMillis(200))
                .leakCheckInterval(Duration.ofMillis(100)).build();
        swapper.loadPlugins(null);
        hostPool.submit(() -> swapper.invokeEach("open")).get(); // its ThreadLocal, removed before the call returns
        plugin("alpha").version("v2").buildInto(dir);
        swapper.reload(null);

        await("the clean version collected").atMost(BOUND).until(() -> swapper.status().collected() == 1);
        assertThat(swapper.status().leaks()).isEmpty();
        assertThat(log.lines()).noneMatch(l -> l.contains("leaked"));
    }
}
