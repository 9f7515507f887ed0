package io.hotswap.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A plugin version as reported by {@link Swapper#status()}.
 *
 * @param name              the plugin (module) name
 * @param descriptorVersion the version stamped into the module descriptor, if any
 * @param sha256            the SHA-256 of the jar: the version's identity
 * @param file              where the jar was read from; empty for a statically linked plugin
 *                          loaded from an exploded module (a directory of classes, not a jar)
 * @param loadedAt          when its layer was defined
 * @param generation        the generation that loaded it
 * @param reloadable        what its {@code reloadable()} answered
 * @param requires          the plugins it requires
 * @param libraries         the private libraries of its bundle, in the order of their nested jars;
 *                          empty for a plain plugin jar
 * @since 0.1
 */
public record PluginInfo(String name, Optional<String> descriptorVersion, String sha256, Optional<Path> file,
                         Instant loadedAt, long generation, boolean reloadable, List<String> requires,
                         List<LibraryInfo> libraries) {

    public PluginInfo {
        requires = List.copyOf(requires);
        libraries = List.copyOf(libraries);
    }

    /** The descriptor version if any, then the short hash: {@code 1.2 sha256:0123456789ab}. */
    public String version() {
        return version(descriptorVersion, sha256);
    }

    /** The rule of {@link #version()}, for a version not loaded yet. */
    static String version(Optional<String> descriptorVersion, String sha256) {
        String hash = "sha256:" + sha256.substring(0, 12);
        return descriptorVersion.map(v -> v + " " + hash).orElse(hash);
    }
}
