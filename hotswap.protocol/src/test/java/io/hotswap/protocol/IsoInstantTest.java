package io.hotswap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The instants of the protocol, printed and read as the JDK does, without its formatter. */
class IsoInstantTest {

    static List<Instant> instants() {
        List<Instant> all = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(0, 1),
                Instant.parse("2026-12-01T15:25:00Z"), Instant.parse("2026-12-01T15:25:00.100Z"),
                Instant.parse("2026-12-01T15:25:17.061016948Z"), Instant.parse("2026-12-01T15:25:17.061016Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("0999-02-28T01:02:03Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX, Instant.now()));
        Random random = new Random(13);
        for (int i = 0; i < 200; i++) {
            long second = random.nextLong() % 300_000_000_000L;
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            all.add(Instant.ofEpochSecond(second, nano));
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("instants")
    void anInstantIsPrintedAsItsToStringAndReadBackAsInstantParseReadsIt(Instant instant) {
        String printed = IsoInstant.print(instant);

        assertThat(printed).isEqualTo(instant.toString());
        assertThat(IsoInstant.parse(printed)).isEqualTo(Instant.parse(printed)).isEqualTo(instant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-01t15:25:17z", "2026-12-31T23:59:60Z", "2026-12-01T15:25:17.Z",
            "2026-12-01T15:25:17.1234567890Z", "2026-12-01T15:25:17+01:00", "2026-12-01T24:00:00Z"})
    void anotherShapeIsReadAsInstantParseReadsIt(String text) {
        Instant jdk;
        try {
            jdk = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> IsoInstant.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(IsoInstant.parse(text)).isEqualTo(jdk);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-01T15:60:00Z",
            "2026-12-01 15:25:17Z", "2026-12-01T15:25:1xZ", "yesterday", ""})
    void whatInstantParseRefusesIsRefusedTheSameWay(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstant.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
