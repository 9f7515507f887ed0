package io.hotswap.runtime.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileStampTest {

    private static final Instant WRITTEN = Instant.parse("2026-01-01T10:00:00.123456789Z");
    private static final FileStamp READ = new FileStamp("inode-1", 100, FileTime.from(WRITTEN),
            Optional.of(FileTime.from(WRITTEN)), WRITTEN.plus(Duration.ofMinutes(1)));

    @Test
    void aStampWithTheSameAttributesTakenLaterShowsTheFileUnchanged() {
        assertThat(READ.unchangedIn(taken(READ, READ.taken().plusSeconds(60)))).isTrue();
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("another file key (an atomic replace)", (UnaryOperator<FileStamp>) s ->
                        new FileStamp("inode-2", s.size(), s.modified(), s.changed(), s.taken())),
                Arguments.of("another size", (UnaryOperator<FileStamp>) s ->
                        new FileStamp(s.key(), s.size() + 1, s.modified(), s.changed(), s.taken())),
                Arguments.of("a modification time one nanosecond later", (UnaryOperator<FileStamp>) s ->
                        new FileStamp(s.key(), s.size(), FileTime.from(WRITTEN.plusNanos(1)), s.changed(), s.taken())),
                Arguments.of("another change time", (UnaryOperator<FileStamp>) s ->
                        new FileStamp(s.key(), s.size(), s.modified(), Optional.of(FileTime.from(WRITTEN.plusSeconds(5))),
                                s.taken())),
                Arguments.of("no change time where there was one", (UnaryOperator<FileStamp>) s ->
                        new FileStamp(s.key(), s.size(), s.modified(), Optional.empty(), s.taken())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aStampWithAnyAttributeChangedShowsTheFileChanged(String what, UnaryOperator<FileStamp> change) {
        assertThat(READ.unchangedIn(change.apply(READ))).isFalse();
    }

    @Test
    void aStampTakenWithinATickOfTheModificationIsNeverTrusted() {
        FileStamp racy = taken(READ, WRITTEN.plusMillis(1));

        assertThat(racy.unchangedIn(racy)).isFalse();
    }

    @Test
    void aStampTakenWithinATickOfALaterChangeTimeIsNeverTrusted() {
        Instant changed = WRITTEN.plusSeconds(60);
        FileStamp racy = new FileStamp(READ.key(), READ.size(), READ.modified(), Optional.of(FileTime.from(changed)),
                changed.plusMillis(1));

        assertThat(racy.unchangedIn(racy)).isFalse();
    }

    @Test
    void aStampTakenBeforeTheModificationTimeByASkewedClockIsNeverTrusted() {
        FileStamp skewed = taken(READ, WRITTEN.minusSeconds(30));

        assertThat(skewed.unchangedIn(skewed)).isFalse();
    }

    private static FileStamp taken(FileStamp s, Instant at) {
        return new FileStamp(s.key(), s.size(), s.modified(), s.changed(), at);
    }
}
