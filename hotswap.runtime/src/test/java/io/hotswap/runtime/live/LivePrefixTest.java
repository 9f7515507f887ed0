package io.hotswap.runtime.live;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.api.LiveFunctions;
import io.hotswap.runtime.Swapper;
import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivePrefixTest {

    @TempDir
    Path dir;

    @BeforeEach
    void buildPlugin() {
        plugin("px")
                .source("px/impl/Fns.java", """
                        package px.impl;
                        public final class Fns {
                            public static String job_Run() { return "run"; }
                            static String JOB_shout(String s) { return s.toUpperCase(); }
                            @io.hotswap.api.Live("hello") static String greet(String who) { return "hello " + who; }
                            public static String live_x() { return "x"; }
                            static long job_add(int a, long b) { return a + b; }
                            static void job_fail() throws java.io.IOException { throw new java.io.IOException("disk"); }
                            static void job_boom() { throw new IllegalStateException("boom"); }
                            static String job_five(int a, int b, int c, int d, String e) { return e + (a + b + c + d); }
                            static String job_seven(int a, int b, int c, int d, int e, int f, String g) {
                                return g + (a + b + c + d + e + f);
                            }
                        }
                        """)
                .source("px/impl/Job_Thing.java", "package px.impl; public final class Job_Thing { }")
                .source("px/impl/Marked.java", "package px.impl; @io.hotswap.api.Live final class Marked { }")
                .buildInto(dir);
    }

    private Swapper swapper(String prefix) {
        Swapper.Builder b = Swapper.builder(dir).name("test").freeDelay(Duration.ZERO);
        if (prefix != null) {
            b.livePrefix(prefix);
        }
        Swapper s = b.build();
        s.loadPlugins(null);
        return s;
    }

    @Test
    void aConfiguredPrefixIsMatchedIgnoringCaseAndLiveWorksWithoutIt() {
        try (Swapper swapper = swapper("job_")) {
            var vault = swapper.current().vault();
            assertThat(vault.liveFuncs().names()).containsExactlyInAnyOrder("job_Run", "JOB_shout", "hello", "job_add",
                    "job_fail", "job_boom", "job_five", "job_seven");
            assertThat(vault.liveTypes().names()).containsExactlyInAnyOrder("Job_Thing", "Marked");
            assertThat(vault.liveFuncs().call("JOB_shout", "hi")).isEqualTo("HI");
            assertThat(vault.liveFuncs().call("hello", "bob")).isEqualTo("hello bob");
            assertThat(vault.liveTypes().newInstance("Marked").getClass().getName()).isEqualTo("px.impl.Marked");
        }
    }

    @Test
    void theDefaultPrefixIsLive() {
        try (Swapper swapper = swapper(null)) {
            var vault = swapper.current().vault();
            assertThat(vault.liveFuncs().names()).containsExactlyInAnyOrder("live_x", "hello");
            assertThat(vault.liveTypes().names()).containsExactly("Marked");
            assertThat(vault.liveFuncs().find("live_x").orElseThrow().plugin()).isEqualTo("px");
        }
    }

    @Test
    void callsCheckNameArityAndTypes() {
        try (Swapper swapper = swapper("job_")) {
            LiveFunctions f = swapper.current().vault().liveFuncs();

            assertThat(f.find("job_add").orElseThrow().parameterTypes()).isEqualTo(List.of(int.class, long.class));
            assertThat(f.call("job_add", 1, 2)).as("an Integer widens to long").isEqualTo(3L);
            assertThat(f.call("job_Run")).isEqualTo("run");
            // Five parameters is the most that are unpacked at the call site; from six on, the array is spread.
            assertThat(f.call("job_five", 1, 2, 3, 4, "=")).isEqualTo("=10");
            assertThat(f.call("job_seven", 1, 2, 3, 4, 5, 6, "=")).isEqualTo("=21");
            assertThatThrownBy(() -> f.call("job_seven", 1, 2, 3, 4, 5, 6, 7))
                    .hasMessageEndingWith("argument 7 is a java.lang.Integer, the parameter is java.lang.String");
            assertThatThrownBy(() -> f.call("job_five", 1, 2, 3, 4, "=", 5))
                    .hasMessageContaining("takes 5 arguments").hasMessageEndingWith(", got 6");
            assertThatThrownBy(() -> f.call("nope"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no live function 'nope' in this generation; there are [");
            assertThatThrownBy(() -> f.call("JOB_shout"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("live function 'JOB_shout' (plugin px, px.impl.Fns.JOB_shout) takes 1 argument"
                            + " (java.lang.String), got 0");
            assertThatThrownBy(() -> f.call("JOB_shout", 5))
                    .hasMessageEndingWith("takes (java.lang.String): argument 1 is a java.lang.Integer, the parameter is java.lang.String");
            assertThatThrownBy(() -> f.call("job_add", 1, null)).hasMessageEndingWith("argument 2 is null, the parameter is long");
            assertThatThrownBy(() -> f.call("job_fail"))
                    .isInstanceOf(UndeclaredThrowableException.class)
                    .hasCauseInstanceOf(IOException.class);
            assertThatThrownBy(() -> f.call("job_boom")).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        }
    }

    @Test
    void aPrefixWithWhitespaceIsRefused() {
        assertThatThrownBy(() -> Swapper.builder(dir).livePrefix("a b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("livePrefix");
    }
}
