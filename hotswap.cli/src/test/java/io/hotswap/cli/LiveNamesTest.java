package io.hotswap.cli;

import io.hotswap.build.classfile.LiveNames;
import io.hotswap.testkit.plugins.Javac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.protocol.live.LiveEntry;
import io.hotswap.protocol.live.LiveEntry.Kind;
import io.hotswap.protocol.live.LiveIndex;
import io.hotswap.runtime.live.scan.LiveScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's live names (ASM reading the class files) against the runtime's ClassGraph scan
 * ({@link LiveScanner#index}): both feed the one live rule, so the same classes must give the same
 * index, and the same mistakes the same message.
 */
class LiveNamesTest {

    @TempDir
    Path dir;

    /** Every shape the live rule distinguishes, in one compilation. */
    private static final Map<String, String> SHAPES = Map.of(
            "alpha/impl/Jobs.java", """
                    package alpha.impl;
                    import io.hotswap.api.Live;
                    public final class Jobs {
                        public static String live_run(String s) { return s; }
                        static int LIVE_Count() { return 1; }
                        @Live("explicit") static void helper() { }
                        @Live static void marked() { }
                        @Deprecated @Live(value = "both") @SuppressWarnings("x") static void annotated() { }
                        private static void live_private() { }
                        public String live_instance() { return "not live: not static"; }
                        static void other() { Runnable r = () -> live_private(); r.run(); }
                        public static final class live_Nested { }
                        public final class live_InnerNotStatic { }
                        public abstract static class live_Abstract { }
                        public enum live_Enum { A; static void live_inEnum() { } }
                        public @interface live_Annotation { String[] names() default {"a", "b"}; Class<?> type() default int.class; }
                        @Live static final class Marked { }
                        Object anonymous() { return new Object() { static void live_hidden() { } }; }
                        Object local() { final class live_Local { } return new live_Local(); }
                        static Object localRecord() { record live_LocalRecord(int x) { } return new live_LocalRecord(1); }
                        <T extends Comparable<T>> T generic(T t) { return t; }
                    }
                    """,
            "alpha/impl/live_Job.java", "package alpha.impl; public record live_Job(int id) { }",
            "alpha/impl/Thing.java", "package alpha.impl; @io.hotswap.api.Live(\"thing\") public class Thing { }",
            "alpha/impl/live_Shape.java", "package alpha.impl; public interface live_Shape { static void live_ofShape() { } }",
            "alpha/impl/Bridge.java", """
                    package alpha.impl;
                    public class Bridge implements Comparable<Bridge> {
                        public int compareTo(Bridge o) { return 0; }
                        public static Bridge live_bridge() { return new Bridge(); }
                    }
                    """,
            "alpha/impl/package-info.java", "@Deprecated package alpha.impl;");

    @Test
    void theClassFileReaderFindsWhatTheClassGraphScanFinds() throws IOException {
        Path classes = compile(SHAPES);

        for (String prefix : List.of("live_", "LIVE_", "other", "x")) {
            LiveIndex byClassGraph = LiveScanner.index(classes, prefix);
            LiveIndex byReader = new LiveIndex(prefix, LiveNames.scan(read(classes), prefix));
            assertThat(byReader).as("prefix " + prefix).isEqualTo(byClassGraph);
            assertThat(byReader.toBytes()).isEqualTo(byClassGraph.toBytes());
        }
        assertThat(new LiveIndex("live_", LiveNames.scan(read(classes), "live_")).entries()).contains(
                new LiveEntry(Kind.FUNCTION, "both", "alpha.impl.Jobs", "annotated"),
                new LiveEntry(Kind.FUNCTION, "live_private", "alpha.impl.Jobs", "live_private"),
                new LiveEntry(Kind.TYPE, "live_Nested", "alpha.impl.Jobs$live_Nested", ""),
                new LiveEntry(Kind.TYPE, "thing", "alpha.impl.Thing", ""));
    }

    @Test
    void anAnnotatedInstanceMethodFailsWithTheScansMessage() throws IOException {
        sameFailure(Map.of("a/Bad.java", "package a; public class Bad { @io.hotswap.api.Live void run() { } }"),
                "@Live on a.Bad.run: a live function must be a static method");
    }

    @Test
    void anOverloadedLiveFunctionFailsWithTheScansMessage() throws IOException {
        sameFailure(Map.of("a/Twice.java", "package a; public class Twice { static void live_go() { } static void live_go(int x) { } }"),
                "live function a.Twice.live_go is overloaded");
    }

    @Test
    void anAnnotatedInterfaceOrInnerClassFailsWithTheScansMessage() throws IOException {
        sameFailure(Map.of("a/Shape.java", "package a; @io.hotswap.api.Live public interface Shape { }"),
                "@Live on a.Shape: a live type must be a concrete");
        sameFailure(Map.of("a/Outer.java", "package a; public class Outer { @io.hotswap.api.Live class Inner { } }"),
                "@Live on a.Outer$Inner: a live type must be a concrete");
    }

    @Test
    void aMalformedClassFileIsRejectedNamingItsEntry() {
        Map<String, byte[]> files = Map.of("a/Broken.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 9, 1});

        assertThatThrownBy(() -> LiveNames.scan(files, "live_"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a/Broken.class is not a valid class file");
        assertThatThrownBy(() -> LiveNames.scan(Map.of("a/Text.class", "hello".getBytes()), "live_"))
                .hasMessageContaining("a/Text.class is not a valid class file").hasMessageContaining("magic");
    }

    private void sameFailure(Map<String, String> sources, String message) throws IOException {
        Path classes = compile(sources);
        assertThatThrownBy(() -> LiveScanner.index(classes, "live_")).hasMessageContaining(message);
        assertThatThrownBy(() -> LiveNames.scan(read(classes), "live_"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    private Path compile(Map<String, String> sources) throws IOException {
        // Fresh directories for each compile: a test that compiles twice scans only the second.
        Path src = Files.createTempDirectory(dir, "src");
        Path classes = Files.createTempDirectory(dir, "classes");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(), "-cp", apiLocation()));
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path file = src.resolve(s.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, s.getValue());
            args.add(file.toString());
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
        return classes;
    }

    private static Map<String, byte[]> read(Path classes) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return files;
    }

    static String apiLocation() {
        return Javac.apiLocation().toString();
    }
}
