package io.hotswap.benchmarks.peers;

/**
 * The line a peer host prints once its plugin's first call has answered, which the benchmark
 * waits for. Apart from {@link PeerHost} so that a host's process loads no other host's framework.
 */
public final class FirstAnswer {

    private FirstAnswer() {
    }

    /** The line for {@code answer}: {@code first call answered x}. */
    public static String line(Object answer) {
        return "first call answered " + answer;
    }
}
