package io.hotswap.build;

import io.hotswap.protocol.live.LiveIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin jar that {@link PluginBuild#run} wrote.
 *
 * @param jar       the jar, {@code <outputDir>/<module>.jar}
 * @param module    the plugin's module name
 * @param stamp     the version stamp; {@link VersionStamp#moduleVersion()} is the module's version
 * @param libraries the library jars nested, as entry names under {@code META-INF/hotswap/lib/}
 * @param liveIndex the live index written into the jar
 * @param notes     what to tell the user beyond the jar (how to start a host for static linking)
 * @param filesLeft where the jar's classes, resources and live index were written out, if asked
 */
public record BuildResult(Path jar, String module, VersionStamp stamp, List<String> libraries, LiveIndex liveIndex,
                          List<String> notes, Optional<Path> filesLeft) {

    public BuildResult {
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(stamp, "stamp");
        libraries = List.copyOf(libraries);
        Objects.requireNonNull(liveIndex, "liveIndex");
        notes = List.copyOf(notes);
        Objects.requireNonNull(filesLeft, "filesLeft");
    }

    /** The module version stamped into the descriptor and the manifest. */
    public String version() {
        return stamp.moduleVersion();
    }
}
