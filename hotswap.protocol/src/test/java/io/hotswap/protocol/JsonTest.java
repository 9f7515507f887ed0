package io.hotswap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writtenValuesReadBackEqual() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "quote \" backslash \\ newline \n tab \t bell \u0007 é");
        value.put("n", 42L);
        value.put("d", 1.5);
        value.put("t", true);
        value.put("nil", null);
        value.put("list", List.of(1L, "two", Map.of("three", false)));

        assertThat(JsonReader.parse(JsonWriter.write(value))).isEqualTo(value);
    }

    @Test
    void writtenTextIsOneLine() {
        assertThat(JsonWriter.write(Map.of("a", "x\ny\r\n"))).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void malformedTextIsRefusedWithThePosition() {
        for (String bad : List.of("", "{", "{\"a\"}", "{\"a\":1,}", "[1 2]", "\"open", "{\"a\":1} x", "tru",
                "{\"a\":\"\\q\"}", "{1:2}")) {
            assertThatThrownBy(() -> JsonReader.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position");
        }
    }

    @Test
    void deepNestingIsRefused() {
        char[] open = new char[100];
        Arrays.fill(open, '[');
        assertThatThrownBy(() -> JsonReader.parse(new String(open))).hasMessageContaining("nested deeper");
    }
}
