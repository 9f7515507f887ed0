package io.hotswap.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants in the text that {@link Instant#toString()} prints and {@link Instant#parse} reads
 * ({@code 2026-12-01T15:25:17.061Z}), without {@code java.time.format}: its
 * {@code DateTimeFormatter} initialises dozens of formatters first, about 5 ms of a
 * {@code hotswap reload} that starts a JVM to send one line (benchmarks/NOTES.md). The protocol
 * writes and reads its instants, and the endpoint directory compares process start times, through
 * here.
 *
 * <p>Years 0000 to 9999 in UTC are printed as the JDK prints them, which is also what
 * {@code LocalDateTime} prints plus the seconds it leaves out when they are zero; anything else
 * is left to the JDK. Parsing takes that canonical shape and leaves every other text (another
 * case, an offset, a leap second, an invalid date) to {@link Instant#parse}, so the same texts
 * are accepted and refused, with the JDK's {@code DateTimeParseException}.
 *
 * @since 0.3
 */
public final class IsoInstant {

    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400; // 0000-01-01T00:00:00Z
    private static final long LAST_SECOND = (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * 86_400 - 1;
    private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoInstant() {
    }

    /** What {@code instant.toString()} returns. */
    public static String print(Instant instant) {
        long second = instant.getEpochSecond();
        if (second < FIRST_SECOND || second > LAST_SECOND) {
            return instant.toString();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(second, instant.getNano(), ZoneOffset.UTC);
        // LocalTime prints no seconds when they and the nanoseconds are zero; Instant always does.
        return t.getSecond() == 0 && t.getNano() == 0 ? t + ":00Z" : t + "Z";
    }

    /**
     * What {@code Instant.parse(text)} returns.
     *
     * @throws java.time.format.DateTimeParseException if {@link Instant#parse} refuses it
     */
    public static Instant parse(CharSequence text) {
        Instant canonical = canonical(text);
        return canonical != null ? canonical : Instant.parse(text);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} read as such, or null for any other text. */
    private static Instant canonical(CharSequence s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z' || (n > 20 && (n == 21 || s.charAt(19) != '.'))) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int fraction = n == 20 ? 0 : digits(s, 20, n - 1);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || fraction < 0) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // February 30th and the like: the JDK says why
        }
        int nano = n == 20 ? 0 : fraction * SCALE[n - 22];
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nano);
    }

    /** The decimal number in {@code s[from, to)}, or -1 if a character there is not an ASCII digit. */
    private static int digits(CharSequence s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
