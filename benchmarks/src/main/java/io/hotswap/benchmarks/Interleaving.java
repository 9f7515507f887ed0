package io.hotswap.benchmarks;

/**
 * A figure and its floor measured in the same round, in alternating order: round {@code i} runs
 * the figure first when {@code i} is even, the floor first when it is odd, so that neither always
 * runs on the heels of the other's garbage.
 */
final class Interleaving {

    /** One timed part of a round. */
    interface Part {
        void run() throws Exception;
    }

    private Interleaving() {
    }

    static void inTurn(int i, Part figure, Part floor) throws Exception {
        if (i % 2 == 0) {
            figure.run();
            floor.run();
        } else {
            floor.run();
            figure.run();
        }
    }
}
