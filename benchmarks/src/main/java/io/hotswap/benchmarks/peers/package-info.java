/**
 * Hosts a user would write instead of ours, each a {@code main} of its own that does what the
 * image's {@code bin/hello} does at start: load the plugins of a directory, call one once, print
 * its answer. {@code run.sh start} runs each as a whole process beside {@code bin/hello}
 * ({@link io.hotswap.benchmarks.peers.PeerHost} says how). Nothing here uses the rest of the
 * benchmarks: a peer host's class path holds only its own framework.
 */
package io.hotswap.benchmarks.peers;
