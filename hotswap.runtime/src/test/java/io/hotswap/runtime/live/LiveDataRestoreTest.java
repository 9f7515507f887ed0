package io.hotswap.runtime.live;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.api.LiveData;
import io.hotswap.runtime.Swapper;
import io.hotswap.testkit.plugins.PluginBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveDataRestoreTest {

    @TempDir
    Path dir;

    private static PluginBuilder v1() {
        return plugin("shapes").version("v1")
                .source("shapes/impl/live_Order.java", """
                        package shapes.impl;
                        public record live_Order(String id, int qty, String oldName, java.util.List<live_Line> lines,
                                                 java.util.Map<String, live_Line> byKey, Status status) { }
                        """)
                .source("shapes/impl/live_Line.java", """
                        package shapes.impl;
                        public final class live_Line {
                            private String sku;
                            private int count;
                            public live_Line() { }
                            live_Line(String sku, int count) { this.sku = sku; this.count = count; }
                        }
                        """)
                .source("shapes/impl/Status.java", "package shapes.impl; public enum Status { NEW, PAID }")
                .source("shapes/impl/live_Stamp.java",
                        "package shapes.impl; public final class live_Stamp { java.time.Instant when = java.time.Instant.EPOCH; }")
                .members("private volatile io.hotswap.api.LiveTypes types;")
                .onInit("types = vault.liveTypes();")
                .invoke("""
                        if (name.equals("stamp")) { return types.capture(new live_Stamp()); }
                        return types.capture(new live_Order("o-1", 3, "old",
                                java.util.List.of(new live_Line("a", 1), new live_Line("b", 2)),
                                java.util.Map.of("k", new live_Line("c", 3)), Status.PAID));
                        """);
    }

    private static PluginBuilder v2(String qtyType) {
        return plugin("shapes").version("v2")
                .source("shapes/impl/live_Order.java", """
                        package shapes.impl;
                        final class live_Order {
                            String id;
                            %s qty;
                            String newName = "unset";
                            String channel = "web";
                            java.util.List<live_Line> lines;
                            java.util.Map<String, live_Line> byKey;
                            Status status;
                        }
                        """.formatted(qtyType))
                .source("shapes/impl/live_Line.java",
                        "package shapes.impl; record live_Line(String sku, int count, boolean gift) { }")
                .source("shapes/impl/Status.java", "package shapes.impl; public enum Status { NEW, PAID, SHIPPED }");
    }

    private Swapper swapper() {
        return Swapper.builder(dir).name("test").freeDelay(Duration.ZERO).build();
    }

    @Test
    void restoreMatchesFieldsByNameIntoTheNewestVersionsTypes() throws Exception {
        v1().buildInto(dir);
        try (Swapper swapper = swapper()) {
            swapper.loadPlugins(null);
            LiveData order = (LiveData) swapper.current().find("shapes").orElseThrow().invokeFunc("order");
            assertThat(order.type()).contains("live_Order");
            assertThat(order.toString()).contains("lines=[live_Line{sku=a, count=1}, live_Line{sku=b, count=2}]");

            v2("long").buildInto(dir);
            swapper.reload(null);
            Object restored = swapper.current().vault().liveTypes().restore(order);

            assertThat(restored.getClass().getName()).isEqualTo("shapes.impl.live_Order");
            assertThat(restored.getClass().getClassLoader().getName()).endsWith("#2");
            // Renamed oldName -> newName and added channel keep v2's defaults; qty widened to long.
            assertThat(swapper.current().vault().liveTypes().capture(restored).value()).isEqualTo(map(
                    "id", "o-1", "qty", 3L, "newName", "unset", "channel", "web",
                    "lines", List.of(map("sku", "a", "count", 1, "gift", false), map("sku", "b", "count", 2, "gift", false)),
                    "byKey", map("k", map("sku", "c", "count", 3, "gift", false)),
                    "status", "PAID"));
        }
    }

    @Test
    void aTypeConflictIsAnErrorNamingTheField() throws Exception {
        v1().buildInto(dir);
        try (Swapper swapper = swapper()) {
            swapper.loadPlugins(null);
            LiveData order = (LiveData) swapper.current().find("shapes").orElseThrow().invokeFunc("order");
            v2("java.util.List<String>").buildInto(dir);
            swapper.reload(null);

            assertThatThrownBy(() -> swapper.current().vault().liveTypes().restore(order))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("field 'qty' of shapes.impl.live_Order is declared java.util.List but the live data holds Integer (3)");
        }
    }

    @Test
    void aValueOfAnUnsupportedTypeIsRefusedAtOf() throws Exception {
        v1().buildInto(dir);
        try (Swapper swapper = swapper()) {
            swapper.loadPlugins(null);

            assertThatThrownBy(() -> swapper.current().find("shapes").orElseThrow().invokeFunc("stamp"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LiveData cannot hold value.when of type java.time.Instant");
        }
    }

    @Test
    void plainDataIsNotALiveTypeAndUnknownTypesAreNamed() throws Exception {
        v1().buildInto(dir);
        try (Swapper swapper = swapper()) {
            swapper.loadPlugins(null);
            var types = swapper.current().vault().liveTypes();

            assertThat(types.names()).containsExactlyInAnyOrder("live_Order", "live_Line", "live_Stamp");
            assertThatThrownBy(() -> types.restore(LiveData.of(1))).hasMessageContaining("holds a plain value");
            assertThatThrownBy(() -> types.restore(LiveData.ofType("live_Gone", Map.of())))
                    .hasMessageContaining("no live type 'live_Gone' in this generation; there are [live_Line, live_Order, live_Stamp]");
            assertThat(types.capture(types.newInstance("live_Line")).value()).isEqualTo(map("sku", null, "count", 0));
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
