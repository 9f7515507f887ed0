package io.hotswap.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One plugin of the current generation, as {@code status} shows it.
 *
 * @param name              its module name
 * @param version           the readable version: the descriptor's version, if any, and the
 *                          start of the SHA-256 ({@code 1.0 sha256:0123456789ab})
 * @param descriptorVersion the module descriptor's version, if it has one
 * @param sha256            the SHA-256 of the plugin file, in hex
 * @param file              the plugin file; none for a plugin from the host's module path
 * @param loadedAt          when this version was loaded
 * @param generation        the generation that loaded this version
 * @param reloadable        what the plugin answered to {@code reloadable()}
 * @param requires          the plugins it requires
 * @param libraries         the libraries nested in its bundle; empty for a plain plugin
 * @since 0.2
 */
public record PluginStatus(String name, String version, Optional<String> descriptorVersion, String sha256,
                           Optional<String> file, Instant loadedAt, long generation, boolean reloadable,
                           List<String> requires, List<LibraryStatus> libraries) {

    public PluginStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(descriptorVersion, "descriptorVersion");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(loadedAt, "loadedAt");
        requires = List.copyOf(requires);
        libraries = List.copyOf(libraries);
    }
}
