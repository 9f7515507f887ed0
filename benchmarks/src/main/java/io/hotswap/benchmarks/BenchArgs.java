package io.hotswap.benchmarks;

import java.nio.file.Path;

/**
 * A benchmark's command line: its required arguments first, then optional ones with defaults, as
 * each benchmark's usage says ({@code BuildTime <pluginDir> <slf4j-api.jar> [warmup] [runs]}).
 */
final class BenchArgs {

    private final String[] args;

    private BenchArgs(String[] args) {
        this.args = args.clone();
    }

    /**
     * @param usage    the benchmark's usage, {@code BuildTime <pluginDir> ...}
     * @param required how many arguments it cannot do without
     * @throws IllegalArgumentException {@code usage: ...} when fewer are given
     */
    static BenchArgs of(String[] args, String usage, int required) {
        if (args.length < required) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return new BenchArgs(args);
    }

    /** The {@code i}-th argument as an absolute path. */
    Path path(int i) {
        return Path.of(args[i]).toAbsolutePath();
    }

    /** The {@code i}-th argument as a whole number, or {@code otherwise} when it is not given. */
    int number(int i, int otherwise) {
        return args.length > i ? Integer.parseInt(args[i]) : otherwise;
    }

    /**
     * The {@code [warmup] [runs]} of a usage, at {@code i} and {@code i + 1}, or
     * {@code warmup}/{@code runs} when they are not given.
     */
    Rounds rounds(int i, int warmup, int runs) {
        return new Rounds(number(i, warmup), number(i + 1, runs));
    }

    /**
     * How many rounds a benchmark warms up with, then measures.
     *
     * @param warmup rounds run and thrown away
     * @param runs   rounds measured after them
     */
    record Rounds(int warmup, int runs) {

        /** Warm-up and measured rounds together. */
        int total() {
            return warmup + runs;
        }

        /** Where the {@code i}-th round (from 0) goes among the samples: negative during warm-up. */
        int sample(int i) {
            return i - warmup;
        }
    }

    /** The {@code i}-th argument, or {@code otherwise} when it is not given. */
    String text(int i, String otherwise) {
        return args.length > i ? args[i] : otherwise;
    }
}
