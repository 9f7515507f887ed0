package io.hotswap.demo.livex;

import io.hotswap.api.Vault;
import io.hotswap.runtime.Generation;
import io.hotswap.demo.host.DemoHost;
import io.hotswap.runtime.Swapper;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * The livex demo's host: a job queue ticking every 50 ms. Every half second the host asks the
 * plugins to {@code produce}; the plugin schedules a job, due two seconds later, through the
 * {@link io.hotswap.demo.livex.spi.Scheduler} extension. A due job is run in the generation current
 * <em>then</em>: its live data restored into that generation's live type, handed to that
 * generation's live function. Jobs a plugin version scheduled before a reload are handled by the
 * new version's live function and live type after it.
 *
 * <p>Usage: {@code livex <pluginDir> [name]} (name default {@code livex}).
 */
public final class LivexHost {

    private static final Duration TICK = Duration.ofMillis(50);
    private static final Duration PRODUCE_EVERY = Duration.ofMillis(500);

    private LivexHost() {
    }

    public static void main(String[] args) {
        JobQueue queue = new JobQueue();
        DemoHost host = DemoHost.start(args, LivexHost.class, "livex", "jobs", b -> b.extensionFactory(queue::scheduler),
                "runs a job queue whose jobs call live functions of the current generation;\n  reload it with: hotswap reload --host <name>");
        host.logLoaded("; the job queue ticks every " + TICK.toMillis() + " ms");
        host.every(TICK, () -> runDue(host.swapper(), host.log(), queue));
        host.everyRound(PRODUCE_EVERY, n -> host.swapper().invokeEach("produce", n));
    }

    private static void runDue(Swapper swapper, Logger log, JobQueue queue) {
        for (JobQueue.Job job : queue.takeDue()) {
            // Looked up now, not when the job was scheduled: the newest live function runs.
            Generation g = swapper.current();
            Vault vault = g.vault();
            try {
                Object order = vault.liveTypes().restore(job.data());
                Object result = vault.liveFuncs().call(job.liveFunction(), order);
                log.info("Job {} in generation {}: {}", job.number(), g.number(), result);
            } catch (RuntimeException e) {
                log.warn("Job {} in generation {}: live function {} failed; dropped", job.number(), g.number(),
                        job.liveFunction(), e);
            }
        }
    }
}
