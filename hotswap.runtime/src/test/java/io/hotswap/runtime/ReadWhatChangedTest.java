package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.call;
import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.runtime.jar.FileStamp;
import io.hotswap.runtime.jar.FileStamps;
import io.hotswap.runtime.jar.JarLimits;
import io.hotswap.runtime.jar.PluginJar;
import io.hotswap.runtime.jar.PluginJarReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A reload reads only the plugin files that changed since the running versions were read from them. */
class ReadWhatChangedTest {

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    /** The file system's stamps, taken as if an hour later: never racy, so only the attributes decide. */
    private static final FileStamps AN_HOUR_LATER = file -> later(FileStamp.of(file), Optional.empty());

    @Test
    void aFileUnchangedSinceTheLastReadIsNotReadAgain() throws Exception {
        plugin("alpha").buildInto(dir);
        try (Swapper swapper = swapper(dir).fileStamps(AN_HOUR_LATER).build()) {
            swapper.loadPlugins(null);

            PluginJar found = finder(AN_HOUR_LATER).find(swapper.current()).get("alpha");

            assertThat(found).isSameAs(running(swapper, "alpha"));
        }
    }

    @Test
    void aFileRewrittenWithinTheTickOfItsLastReadIsHashedAgainThoughItsStampLooksTheSame() throws Exception {
        Path jar = plugin("alpha").version("v1").buildInto(dir);
        // Every stamp of a path is its first: the file system keeps the size and times a write
        // in place within one timestamp tick leaves. Taken at once after the build, it is racy.
        Map<Path, FileStamp> first = new ConcurrentHashMap<>();
        FileStamps frozen = file -> first.computeIfAbsent(file, f -> stamp(f));
        try (Swapper swapper = swapper(dir).fileStamps(frozen).build()) {
            swapper.loadPlugins(null);
            Path v2 = plugin("alpha").version("v2").buildInto(elsewhere);
            Files.write(jar, Files.readAllBytes(v2));

            ReloadDetails details = swapper.reload(null);

            assertThat(details.outcome("alpha")).contains(PluginOutcome.OK);
            assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v2");
            assertThat(running(swapper, "alpha").sha256()).isEqualTo(PluginJarReader.describe(v2).sha256());
        }
    }

    @Test
    void aFileRewrittenLongAfterItsLastReadButWithTheSameStampIsTrusted() throws Exception {
        // The counterpart of the racy case: the same frozen stamp, taken well after the write.
        Path jar = plugin("alpha").version("v1").buildInto(dir);
        Map<Path, FileStamp> first = new ConcurrentHashMap<>();
        FileStamps frozen = file -> first.computeIfAbsent(file, f -> later(stamp(f), Optional.empty()));
        try (Swapper swapper = swapper(dir).fileStamps(frozen).build()) {
            swapper.loadPlugins(null);
            Files.write(jar, Files.readAllBytes(plugin("alpha").version("v2").buildInto(elsewhere)));

            ReloadDetails details = swapper.reload(null);

            assertThat(details.outcome("alpha")).contains(PluginOutcome.UNCHANGED);
            assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v1");
        }
    }

    @Test
    void anAtomicReplaceWithTheSameSizeAndModificationTimeIsReadAgain() throws Exception {
        Path jar = plugin("alpha").buildInto(dir);
        // Without the change time, only the file key can tell the new file from the old one.
        FileStamps noChangeTime = file -> later(FileStamp.of(file), Optional.of(Optional.empty()));
        try (Swapper swapper = swapper(dir).fileStamps(noChangeTime).build()) {
            swapper.loadPlugins(null);
            Path copy = Files.copy(jar, dir.resolve("alpha.jar.tmp"));
            Files.setLastModifiedTime(copy, Files.getLastModifiedTime(jar));
            Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            FileStamp before = running(swapper, "alpha").stamp().orElseThrow();
            FileStamp after = noChangeTime.of(jar);
            assertThat(after.size()).isEqualTo(before.size());
            assertThat(after.modified()).isEqualTo(before.modified());

            PluginJar found = finder(noChangeTime).find(swapper.current()).get("alpha");

            assertThat(found).isNotSameAs(running(swapper, "alpha"));
            assertThat(found.stamp().orElseThrow().key()).isNotEqualTo(before.key());
            assertThat(found.sha256()).isEqualTo(running(swapper, "alpha").sha256());
        }
    }

    private DirectoryFinder finder(FileStamps stamps) {
        return new DirectoryFinder(dir, new Whitelist(Set.of()), JarLimits.DEFAULTS,
                LoggerFactory.getLogger(ReadWhatChangedTest.class), stamps);
    }

    private static PluginJar running(Swapper swapper, String plugin) {
        return swapper.current().loaded(plugin).orElseThrow().jar().orElseThrow();
    }

    private static FileStamp stamp(Path file) {
        try {
            return FileStamp.of(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code s} taken an hour later, with its change time replaced if {@code changed} is given. */
    private static FileStamp later(FileStamp s, Optional<Optional<java.nio.file.attribute.FileTime>> changed) {
        return new FileStamp(s.key(), s.size(), s.modified(), changed.orElse(s.changed()),
                s.taken().plus(Duration.ofHours(1)));
    }
}
