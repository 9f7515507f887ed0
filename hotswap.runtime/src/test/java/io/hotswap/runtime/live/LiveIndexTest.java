package io.hotswap.runtime.live;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.protocol.live.LiveEntry;
import io.hotswap.protocol.live.LiveEntry.Kind;
import io.hotswap.protocol.live.LiveIndex;
import io.hotswap.runtime.live.scan.LiveScanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveIndexTest {

    @TempDir
    Path dir;

    private Path compiled() {
        return plugin("alpha")
                .source("alpha/impl/Jobs.java", """
                        package alpha.impl;
                        public final class Jobs {
                            public static String live_run(String s) { return s; }
                            static int LIVE_Count() { return 1; }
                            @io.hotswap.api.Live("explicit") static void helper() { }
                            @io.hotswap.api.Live static void marked() { }
                            public String live_instance() { return "not live: not static"; }
                            static void other() { }
                            public static final class live_Nested { }
                        }
                        """)
                .source("alpha/impl/live_Job.java", "package alpha.impl; public record live_Job(int id) { }")
                .source("alpha/impl/Thing.java", "package alpha.impl; @io.hotswap.api.Live public class Thing { }")
                .source("alpha/impl/live_Shape.java", "package alpha.impl; public interface live_Shape { }")
                .compileInto(dir.resolve("classes"), dir);
    }

    @Test
    void scanFindsPrefixedAndAnnotatedFunctionsAndTypesIgnoringCase() {
        LiveIndex index = LiveScanner.index(compiled(), "live_");

        assertThat(index.entries()).containsExactly(
                new LiveEntry(Kind.FUNCTION, "LIVE_Count", "alpha.impl.Jobs", "LIVE_Count"),
                new LiveEntry(Kind.FUNCTION, "explicit", "alpha.impl.Jobs", "helper"),
                new LiveEntry(Kind.FUNCTION, "live_run", "alpha.impl.Jobs", "live_run"),
                new LiveEntry(Kind.FUNCTION, "marked", "alpha.impl.Jobs", "marked"),
                new LiveEntry(Kind.TYPE, "Thing", "alpha.impl.Thing", ""),
                new LiveEntry(Kind.TYPE, "live_Job", "alpha.impl.live_Job", ""),
                new LiveEntry(Kind.TYPE, "live_Nested", "alpha.impl.Jobs$live_Nested", ""));
    }

    @Test
    void bytesRoundTripAndAreStable() {
        LiveIndex index = LiveScanner.index(compiled(), "live_");

        byte[] bytes = index.toBytes();

        assertThat(LiveIndex.parse(bytes)).isEqualTo(index);
        java.util.List<LiveEntry> reversed = new java.util.ArrayList<>(index.entries());
        java.util.Collections.reverse(reversed);
        assertThat(new LiveIndex("live_", reversed).toBytes()).isEqualTo(bytes);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .startsWith("# hotswap live index\nversion 1\nprefix live_\n")
                .contains("function live_run alpha.impl.Jobs live_run\n", "type live_Nested alpha.impl.Jobs$live_Nested\n");
    }

    @Test
    void anotherPrefixFindsOtherNames() {
        LiveIndex index = LiveScanner.index(compiled(), "other");

        assertThat(index.entries()).extracting(LiveEntry::name).containsExactly("explicit", "marked", "other", "Thing");
    }

    @Test
    void malformedInputIsRejectedNamingTheLine() {
        assertThatThrownBy(() -> parse("version 1\nprefix live_\nfunction live_run alpha.impl.Jobs\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("function <name> <class> <method>");
        assertThatThrownBy(() -> parse("# c\nversion 2\n")).hasMessageContaining("line 2").hasMessageContaining("version 2");
        assertThatThrownBy(() -> parse("version 1\nprefix live_\nmethod x y z\n")).hasMessageContaining("line 3");
        assertThatThrownBy(() -> parse("version 1\n")).hasMessageContaining("missing its 'prefix' line");
        assertThatThrownBy(() -> LiveIndex.parse(new byte[] {(byte) 0xff})).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> parse("version 1\nprefix live_\ntype a x.A\ntype a x.B\n"))
                .hasMessageContaining("'a' is declared twice: x.A and x.B");
    }

    @Test
    void overloadedLiveFunctionIsRefusedByTheScan() {
        Path classes = plugin("beta")
                .source("beta/impl/F.java", """
                        package beta.impl;
                        public final class F {
                            static void live_f() { }
                            static void live_f(int x) { }
                        }
                        """)
                .compileInto(dir.resolve("beta-classes"), dir);

        assertThatThrownBy(() -> LiveScanner.index(classes, "live_"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beta.impl.F.live_f is overloaded");
    }

    private static LiveIndex parse(String text) {
        return LiveIndex.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
