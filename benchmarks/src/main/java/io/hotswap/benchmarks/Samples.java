package io.hotswap.benchmarks;

import java.util.Arrays;

/** Nanosecond samples, sorted, with the figures the report wants. */
record Samples(long[] sorted) {

    Samples {
        sorted = sorted.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
    }

    static Samples of(long[] nanos) {
        return new Samples(nanos);
    }

    long percentile(double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    long median() {
        return percentile(50);
    }

    long p90() {
        return percentile(90);
    }

    long min() {
        return sorted[0];
    }

    long max() {
        return sorted[sorted.length - 1];
    }

    int count() {
        return sorted.length;
    }

    /** {@code median ms (p90 x, min–max y–z, n=N)}. */
    String describeMillis() {
        return "%s ms (p90 %s, min–max %s–%s, n=%d)".formatted(ms(median()), ms(p90()), ms(min()), ms(max()), count());
    }

    static String ms(long nanos) {
        double ms = nanos / 1e6;
        return ms >= 100 ? "%.0f".formatted(ms) : ms >= 10 ? "%.1f".formatted(ms) : "%.2f".formatted(ms);
    }
}
