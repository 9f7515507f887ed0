package io.hotswap.build;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
     * Starts git on a thread of its own and returns at once; {@link Pending#await()} reads the
     * answer. A build starts it before javac: git's process start (a few milliseconds, mostly
     * waiting for the child to exec) then overlaps the compilation instead of preceding it.
     */
    public static Pending start(Path dir, Instant now) {
        Instant builtAt = now.truncatedTo(ChronoUnit.SECONDS);
        Pending pending = new Pending(builtAt);
        // One git process for both answers: starting a process is most of the stamp's cost (the
        // build benchmark measured two of them at a tenth of the whole build). The porcelain v2
        // header "# branch.oid <commit>" is HEAD ("(initial)" before the first commit); every
        // other line is a change under the directory.
        Thread git = new Thread(() -> pending.answer.complete(
                git(pending, dir, "status", "--porcelain=v2", "--branch", "--", ".")), "hotswap-build-git");
        git.setDaemon(true);
        git.start();
        return pending;
    }

    /** A stamp whose git process may still be running; closing it stops git if nobody awaited it. */
    public static final class Pending implements AutoCloseable {
        private final Instant builtAt;
        private final CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        private Process process; // guarded by this
        private boolean done; // guarded by this: awaited or closed

        private Pending(Instant builtAt) {
            this.builtAt = builtAt;
        }

        /** Waits for git (at most 20 s) and reads its answer. */
        public VersionStamp await() {
            Optional<String> status;
            try {
                status = answer.get(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                status = Optional.empty(); // git hangs: the stamp says nogit, as when git fails
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = Optional.empty();
            } finally {
                stop(false);
            }
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
            stop(true);
        }

        /** @param kill stop a git that is still running (it is one only after a timeout or a failed build) */
        private synchronized void stop(boolean kill) {
            if (!done && process != null && (kill || process.isAlive())) {
                process.destroyForcibly();
            }
            done = true;
        }

        /** @return false if the build is already done with the stamp: the caller stops git */
        private synchronized boolean started(Process p) {
            if (done) {
                return false;
            }
            process = p;
            return true;
        }
    }

    /** The version written into the module descriptor; always parses as a module version. */
    public String moduleVersion() {
        String build = commit.map(c -> "git." + c.substring(0, 12) + (dirty ? ".dirty" : "")).orElse("nogit");
        String v = TIME.format(builtAt) + "+" + build;
        ModuleDescriptor.Version.parse(v); // fails here, not in javac or jar, if the format ever breaks
        return v;
    }

    /** Runs git, reading all it prints; what it printed if it exited with 0. */
    private static Optional<String> git(Pending pending, Path dir, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p;
        try {
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // Without it, status refreshes the index's file times and writes .git/index back under
            // index.lock: disk writes while javac compiles, and a lock a user's own git command can
            // trip over. What status reports is the same either way. Older gits ignore the variable.
            builder.environment().put("GIT_OPTIONAL_LOCKS", "0");
            p = builder.start();
        } catch (IOException e) {
            return Optional.empty(); // no git on this machine
        }
        if (!pending.started(p)) {
            p.destroyForcibly();
            return Optional.empty();
        }
        try {
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // stopped by the build, or git went away
        } catch (InterruptedException e) {
            p.destroyForcibly();
            return Optional.empty();
        }
    }
}
