package io.hotswap.cli.build;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The readable version of a build: when it was built and from which git commit of the plugin
 * directory, and whether that directory had uncommitted changes. As a module version:
 * {@code 20261125.125000+git.0123456789ab} or {@code ...+git.0123456789ab.dirty}, or
 * {@code ...+nogit} outside a git checkout (or without git).
 *
 * @param commit  the full commit id of {@code HEAD}, if the directory is in a git checkout
 * @param dirty   whether {@code git status} lists changes under the plugin directory
 * @param builtAt the build time, to the second
 */
public record VersionStamp(Optional<String> commit, boolean dirty, Instant builtAt) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd.HHmmss").withZone(ZoneOffset.UTC);
    private static final long GIT_TIMEOUT_SECONDS = 20;
    private static final String BRANCH_OID = "# branch.oid ";

    /**
     * Asks git about {@code dir}; without git, outside a checkout or before its first commit, the
     * stamp says {@code nogit}.
     */
    public static VersionStamp of(Path dir, Instant now) {
        return start(dir, now).await();
    }

    /**
     * Starts git on this thread and returns at once; {@link Pending#await()} reads its answer.
     * A build starts it before javac: git then works in its own process while javac compiles,
     * without a thread of ours in between (handing the start to a pool thread cost the build's
     * thread milliseconds on a loaded machine, benchmarks/NOTES.md).
     */
    public static Pending start(Path dir, Instant now) {
        Instant builtAt = now.truncatedTo(ChronoUnit.SECONDS);
        // One git process for both answers: starting a process is most of the stamp's cost (the
        // build benchmark measured two of them at a tenth of the whole build). The porcelain v2
        // header "# branch.oid <commit>" is HEAD ("(initial)" before the first commit); every
        // other line is a change under the directory.
        return new Pending(git(dir, "status", "--porcelain=v2", "--branch", "--", "."), builtAt);
    }

    /** A stamp whose git process may still be running; closing it stops git if nobody awaited it. */
    public static final class Pending implements AutoCloseable {
        private final Optional<Process> git;
        private final Instant builtAt;
        private boolean awaited;

        private Pending(Optional<Process> git, Instant builtAt) {
            this.git = git;
            this.builtAt = builtAt;
        }

        /** Waits for git (at most 20 s) and reads its answer. */
        public VersionStamp await() {
            awaited = true;
            Optional<String> status = git.flatMap(VersionStamp::output);
            Optional<String> head = status.flatMap(s -> s.lines()
                    .filter(l -> l.startsWith(BRANCH_OID)).findFirst()
                    .map(l -> l.substring(BRANCH_OID.length()).strip()))
                    .filter(c -> c.matches("[0-9a-f]{40,64}"));
            if (head.isEmpty()) {
                return new VersionStamp(Optional.empty(), false, builtAt);
            }
            boolean dirty = status.orElseThrow().lines().anyMatch(l -> !l.startsWith("#") && !l.isBlank());
            return new VersionStamp(head, dirty, builtAt);
        }

        /** Stops git unless its answer was read: a build that failed leaves no git behind. */
        @Override
        public void close() {
            if (!awaited) {
                git.ifPresent(Process::destroyForcibly);
            }
        }
    }

    /** The version written into the module descriptor; always parses as a module version. */
    public String moduleVersion() {
        String build = commit.map(c -> "git." + c.substring(0, 12) + (dirty ? ".dirty" : "")).orElse("nogit");
        String v = TIME.format(builtAt) + "+" + build;
        ModuleDescriptor.Version.parse(v); // fails here, not in javac or jar, if the format ever breaks
        return v;
    }

    private static Optional<Process> git(Path dir, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // Without it, status refreshes the index's file times and writes .git/index back under
            // index.lock: disk writes while javac compiles, and a lock a user's own git command can
            // trip over. What status reports is the same either way. Older gits ignore the variable.
            builder.environment().put("GIT_OPTIONAL_LOCKS", "0");
            Process p = builder.start();
            p.getOutputStream().close();
            return Optional.of(p);
        } catch (IOException e) {
            return Optional.empty(); // no git on this machine
        }
    }

    /**
     * What git printed, if it exited with 0. Read only once the build needs it: a status longer
     * than the pipe holds makes git wait for the reader, which is then only slower, never stuck.
     */
    private static Optional<String> output(Process p) {
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return Optional.empty();
        }
    }
}
