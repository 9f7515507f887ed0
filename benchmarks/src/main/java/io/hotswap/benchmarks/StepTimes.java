package io.hotswap.benchmarks;

import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.ReloadStep;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/** The per-step times of the measured reloads of one series, from {@code ReloadDetails.steps()}. */
final class StepTimes {

    private final Map<ReloadStep, long[]> steps = new EnumMap<>(ReloadStep.class);
    private final int runs;

    StepTimes(int runs) {
        this.runs = runs;
    }

    /** Keeps the steps of the {@code m}-th measured reload. */
    void record(ReloadDetails details, int m) {
        details.steps().forEach((step, d) -> steps.computeIfAbsent(step, s -> new long[runs])[m] = d.toNanos());
    }

    /** {@code <step> x ms, ...}, the median of each step. */
    String medians() {
        StringJoiner s = new StringJoiner(", ");
        steps.forEach((step, nanos) -> s.add(step.label() + " " + Samples.ms(Samples.of(nanos).median()) + " ms"));
        return s.toString();
    }
}
