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

    /** Asks git about {@code dir}; without git, or outside a checkout, the stamp says {@code nogit}. */
    public static VersionStamp of(Path dir, Instant now) {
        Instant builtAt = now.truncatedTo(ChronoUnit.SECONDS);
        Optional<String> head = git(dir, "rev-parse", "--verify", "HEAD").map(String::strip)
                .filter(s -> s.matches("[0-9a-f]{40,64}"));
        if (head.isEmpty()) {
            return new VersionStamp(Optional.empty(), false, builtAt);
        }
        boolean dirty = git(dir, "status", "--porcelain", "--", ".").map(s -> !s.isBlank()).orElse(true);
        return new VersionStamp(head, dirty, builtAt);
    }

    /** The version written into the module descriptor; always parses as a module version. */
    public String moduleVersion() {
        String build = commit.map(c -> "git." + c.substring(0, 12) + (dirty ? ".dirty" : "")).orElse("nogit");
        String v = TIME.format(builtAt) + "+" + build;
        ModuleDescriptor.Version.parse(v); // fails here, not in javac or jar, if the format ever breaks
        return v;
    }

    private static Optional<String> git(Path dir, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
