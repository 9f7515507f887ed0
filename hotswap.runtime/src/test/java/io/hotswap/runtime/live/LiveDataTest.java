package io.hotswap.runtime.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.api.LiveData;
import io.hotswap.api.LiveTypes;
import io.hotswap.runtime.call.CallGate;
import io.hotswap.runtime.live.bind.LiveVault;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveDataTest {

    /** A generation's live types with none: plain values need no plugin, but restore goes through a vault. */
    private static final LiveTypes TYPES = LiveVault.empty(CallGate.neverClosed("the test")).types();

    @Test
    void plainValuesAreCapturedAsImmutableJdkValues() {
        List<Object> source = new ArrayList<>(List.of("a", 1));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", 2L);
        map.put("none", null);
        map.put("unit", TimeUnit.SECONDS);
        map.put("big", List.of(new BigDecimal("1.5"), BigInteger.TEN, true, 'c', 1.5f));
        source.add(map);

        LiveData data = LiveData.of(source);
        source.clear();

        assertThat(data.type()).isEmpty();
        assertThat(data.value()).isEqualTo(List.of("a", 1, mapOf("n", 2L, "none", null, "unit", "SECONDS",
                "big", List.of(new BigDecimal("1.5"), BigInteger.TEN, true, 'c', 1.5f))));
        assertThatThrownBy(() -> ((List<Object>) data.value()).add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(data.toString()).isEqualTo("[a, 1, {n=2, none=null, unit=SECONDS, big=[1.5, 10, true, c, 1.5]}]");
    }

    @Test
    void equalTreesAreEqualData() {
        assertThat(LiveData.of(List.of(1, "x"))).isEqualTo(LiveData.of(Arrays.asList(1, "x")))
                .hasSameHashCodeAs(LiveData.of(List.of(1, "x")))
                .isNotEqualTo(LiveData.of(List.of(1L, "x")));
        assertThat(LiveData.ofType("live_Job", Map.of("id", 1))).isNotEqualTo(LiveData.of(Map.of("id", 1)))
                .isEqualTo(LiveData.ofType("live_Job", Map.of("id", 1)));
        assertThat(LiveData.ofType("live_Job", Map.of("id", 1)).toString()).isEqualTo("live_Job{id=1}");
    }

    @Test
    void unsupportedValuesAreRefusedNamingTheirType() {
        assertThatThrownBy(() -> LiveData.of(Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.time.Instant");
        assertThatThrownBy(() -> LiveData.of(Map.of("when", List.of(new Object()))))
                .hasMessageContaining("value[\"when\"][0] of type java.lang.Object");
        assertThatThrownBy(() -> LiveData.of(Map.of(1, "x"))).hasMessageContaining("key of type java.lang.Integer");
        assertThatThrownBy(() -> LiveData.of(new int[] {1})).hasMessageContaining("of type [I");
    }

    @Test
    void anObjectOfAnyOtherClassIsRefusedByOfPointingToTheVaultsCapture() {
        assertThatThrownBy(() -> LiveData.of(List.of(new StringBuilder("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value[0] of type java.lang.StringBuilder")
                .hasMessageContaining("through a vault's liveTypes().capture(value)");
    }

    @Test
    void restoreMakesNoObjectOfAClassOfNoPluginOfTheGeneration() {
        assertThatThrownBy(() -> TYPES.restore(LiveData.of(Map.of("x", 1)), LiveDataTest.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot restore live data into " + LiveDataTest.class.getName());
    }

    @Test
    void plainValuesRestoreIntoTheirOwnAndWiderTypes() {
        assertThat(TYPES.restore(LiveData.of(5), long.class)).isEqualTo(5L);
        assertThat(TYPES.restore(LiveData.of(5L), Integer.class)).isEqualTo(5);
        assertThat(TYPES.restore(LiveData.of("SECONDS"), TimeUnit.class)).isEqualTo(TimeUnit.SECONDS);
        assertThat(TYPES.restore(LiveData.of(List.of(1, 2)), Set.class)).containsExactly(1, 2);
        assertThatThrownBy(() -> TYPES.restore(LiveData.of(1L << 40), int.class))
                .hasMessageContaining("declared int but the live data holds Long (1099511627776)");
        assertThatThrownBy(() -> TYPES.restore(LiveData.of("x"), TimeUnit.class)).hasMessageContaining("has no constant x");
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
