package io.hotswap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What RFC 8259 refuses, the reader refuses, saying where and what. */
class StrictJsonTest {

    @Nested
    class Numbers {

        @Test
        void aLeadingZeroBeforeADigitIsRefused() {
            assertRefused("{\"n\":012}", "position 6", "must not start with 0 followed by a digit");
            assertRefused("-01", "position 2", "must not start with 0");
        }

        @Test
        void aDecimalPointWithoutDigitsAfterItIsRefused() {
            assertRefused("{\"n\":1.}", "position 7", "expected a digit after the decimal point");
            assertRefused("[1.e5]", "position 3", "expected a digit after the decimal point");
        }

        @Test
        void otherShapesOutsideTheGrammarAreRefused() {
            assertRefused("[.5]", "position 1", "unexpected character '.'");
            assertRefused("[+1]", "position 1", "unexpected character '+'");
            assertRefused("[1e]", "position 3", "expected a digit in the exponent");
            assertRefused("[-]", "position 2", "expected a digit");
            assertRefused("[1-2]", "position 2", "expected ',' or ']'");
        }

        @Test
        void numbersInTheGrammarAreRead() {
            assertThat(JsonReader.parse("[0,-0,10,-12,1.5,1e3,2E-2,0.25e+1,12345678901234567890]"))
                    .isEqualTo(List.of(0L, 0L, 10L, -12L, 1.5, 1000.0, 0.02, 2.5, 1.2345678901234567E19));
        }
    }

    @Test
    void whitespaceOtherThanSpaceTabLineFeedAndCarriageReturnIsRefused() {
        assertRefused("\u000b{\"n\":1}", "position 0", "U+000B (whitespace JSON does not allow)");
        assertRefused("{\"n\":\u00a01}", "position 5", "U+00A0 (whitespace JSON does not allow)");
        assertRefused("{\"n\":1}\u2028", "position 7", "unexpected text after the value");
        assertRefused("{\f\"n\":1}", "position 1", "expected a string key");
        assertThat(JsonReader.parse(" \t\r\n{ \"n\" :\t1 }\r\n")).isEqualTo(Map.of("n", 1L));
    }

    @Nested
    class Surrogates {

        @Test
        void aLoneHighSurrogateEscapeIsRefused() {
            assertRefused("{\"s\":\"\\ud800\"}", "position 12", "unpaired surrogate");
            assertRefused("{\"s\":\"\\ud800\\u0041\"}", "position 12", "unpaired surrogate");
        }

        @Test
        void aLoneLowSurrogateEscapeIsRefused() {
            assertRefused("{\"s\":\"\\udc00x\"}", "unpaired surrogate U+DC00");
        }

        @Test
        void aLoneSurrogateCharacterIsRefused() {
            assertRefused("[\"\ud800\"]", "unpaired surrogate");
            assertRefused("[\"\udc00\"]", "unpaired surrogate U+DC00");
        }

        @Test
        void aPairIsReadAsOneCodePointWhetherEscapedOrNot() {
            assertThat(JsonReader.parse("[\"\\ud83d\\ude00\", \"\ud83d\ude00\", \"\\ud83d\ude00\"]"))
                    .isEqualTo(List.of("\ud83d\ude00", "\ud83d\ude00", "\ud83d\ude00"));
        }
    }

    @Test
    void aKeyTwiceInOneObjectIsRefused() {
        assertRefused("{\"a\":1,\"a\":2}", "position 7", "duplicate key \"a\"");
        assertRefused("{\"x\":{\"a\":1,\"b\":2,\"a\":3}}", "duplicate key \"a\"");
        assertThat(JsonReader.parse("[{\"a\":1},{\"a\":2}]")).as("the same key in two objects is fine")
                .isEqualTo(List.of(Map.of("a", 1L), Map.of("a", 2L)));
    }

    @Test
    void aControlCharacterInAStringIsRefused() {
        assertRefused("[\"a\u0001b\"]", "control character U+0001 in a string");
    }

    @Test
    void anObjectExpectedButOtherJsonFoundIsNamedInJsonsWords() {
        assertThatThrownBy(() -> JsonReader.parseObject("[1,2]")).hasMessage("expected a JSON object, got an array");
        assertThatThrownBy(() -> JsonReader.parseObject("\"s\"")).hasMessage("expected a JSON object, got a string");
        assertThatThrownBy(() -> JsonReader.parseObject("null")).hasMessage("expected a JSON object, got null");
        assertThatThrownBy(() -> JsonReader.parseObject("1.5")).hasMessage("expected a JSON object, got a number");
    }

    @Test
    void writerOutputIsAlwaysStrictJson() {
        String written = JsonWriter.write(List.of("lone \ud800 high", "lone \udc00 low", "pair \ud83d\ude00", "\u0001"));
        assertThat(JsonReader.parse(written)).isEqualTo(List.of("lone \ufffd high", "lone \ufffd low",
                "pair \ud83d\ude00", "\u0001"));
    }

    private static void assertRefused(String text, String... parts) {
        assertThatThrownBy(() -> JsonReader.parse(text)).as(text)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed JSON at position ")
                .hasMessageContainingAll(parts);
    }
}
