package io.hotswap.runtime.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.api.LiveData;
import io.hotswap.runtime.live.bind.LiveObjectCodec;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LiveDataTest {

    @BeforeAll
    static void runtimeServesLiveData() {
        LiveObjectCodec.install();
    }

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
    void plainValuesRestoreIntoTheirOwnAndWiderTypes() {
        assertThat(LiveData.of(5).restore(long.class)).isEqualTo(5L);
        assertThat(LiveData.of(5L).restore(Integer.class)).isEqualTo(5);
        assertThat(LiveData.of("SECONDS").restore(TimeUnit.class)).isEqualTo(TimeUnit.SECONDS);
        assertThat(LiveData.of(List.of(1, 2)).restore(Set.class)).containsExactly(1, 2);
        assertThatThrownBy(() -> LiveData.of(1L << 40).restore(int.class))
                .hasMessageContaining("declared int but the live data holds Long (1099511627776)");
        assertThatThrownBy(() -> LiveData.of("x").restore(TimeUnit.class)).hasMessageContaining("has no constant x");
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
