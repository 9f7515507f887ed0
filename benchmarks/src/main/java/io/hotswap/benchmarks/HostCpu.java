package io.hotswap.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CPU time this JVM's threads have used so far, split into the JIT compiler's threads and all
 * the others, from {@code /proc/self/task/<tid>/stat} (Linux; empty elsewhere). The JIT's share
 * is what a new plugin version costs the host beyond the reload itself: its code is compiled
 * again, and it runs interpreted until then. Clock ticks of 10 ms, so meant for blocks of seconds.
 *
 * @param jitNanos   the C1 and C2 compiler threads
 * @param otherNanos every other thread: request threads, the runtime's, GC
 */
record HostCpu(long jitNanos, long otherNanos) {

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long NANOS_PER_TICK = 10_000_000; // USER_HZ is 100 on Linux

    /** Now, if this system tells. */
    static Optional<HostCpu> now() {
        if (!Files.isDirectory(TASKS)) {
            return Optional.empty();
        }
        long jit = 0;
        long other = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (NoSuchFileException e) {
                    continue; // the thread ended meanwhile
                }
                // pid (comm) state ppid ... utime stime: the 14th and 15th fields, comm may hold spaces
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                    jit += ticks;
                } else {
                    other += ticks;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new HostCpu(jit * NANOS_PER_TICK, other * NANOS_PER_TICK));
    }

    HostCpu minus(HostCpu earlier) {
        return new HostCpu(jitNanos - earlier.jitNanos, otherNanos - earlier.otherNanos);
    }

    HostCpu plus(HostCpu more) {
        return new HostCpu(jitNanos + more.jitNanos, otherNanos + more.otherNanos);
    }

    long totalNanos() {
        return jitNanos + otherNanos;
    }
}
