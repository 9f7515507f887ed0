package io.hotswap.protocol.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.protocol.HostEntry;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a client picks its host among the sidecars of the endpoint directory. */
class HostQueryTest {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path base;

    private EndpointDirectory directoryWith(String... names) throws Exception {
        return directoryWith(base, names);
    }

    private static EndpointDirectory directoryWith(Path base, String... names) throws Exception {
        EndpointDirectory dir = EndpointDirectory.under(base);
        dir.create();
        for (String name : names) {
            dir.describe(new HostEntry(name, PID, Path.of("plugins"), dir.socket(name, PID), Optional.empty()));
        }
        return dir;
    }

    @Test
    void aNameChoosesItsHostAmongSeveral() throws Exception {
        EndpointDirectory dir = directoryWith("one", "two");

        assertThat(HostQuery.named("two").selectFrom(dir).socket()).isEqualTo(dir.socket("two", PID));
    }

    @Test
    void aNameChoosesItsHostAmongNamesOfTheSameFileNameOrPrefix() throws Exception {
        // "a b" and "a_b" share their file names; "a" is a prefix of both.
        EndpointDirectory dir = directoryWith("a_b", "a-b", "a");
        EndpointDirectory spaced = directoryWith(base.resolve("spaced"), "a b");

        assertThat(HostQuery.named("a").selectFrom(dir).name()).isEqualTo("a");
        assertThat(HostQuery.named("a-b").selectFrom(dir).name()).isEqualTo("a-b");
        assertThat(HostQuery.named("a b").selectFrom(spaced).name()).isEqualTo("a b");
        assertThatThrownBy(() -> HostQuery.named("a_b").selectFrom(spaced)).isInstanceOf(HostSelectionException.class);
        assertThat(dir.hosts(new HostQuery(Optional.of("a"), OptionalLong.of(PID)))).extracting(HostEntry::name)
                .containsExactly("a");
    }

    @Test
    void aNamedLookupSweepsTheFilesOfItsDeadHost() throws Exception {
        EndpointDirectory dir = directoryWith("live");
        long dead = deadPid();
        dir.describe(new HostEntry("live", dead, Path.of("plugins"), dir.socket("live", dead), Optional.empty()));
        java.nio.file.Files.createFile(dir.socket("live", dead));

        assertThat(HostQuery.named("live").selectFrom(dir).pid()).isEqualTo(PID);
        assertThat(dir.sidecar("live", dead)).doesNotExist();
        assertThat(dir.socket("live", dead)).doesNotExist();
    }

    /**
     * A pid that no process has, nor can get while the test runs: the largest a pid can be, above
     * what any kernel hands out (Linux's pid_max is at most 2^22). One past the highest running was
     * the next one handed out, and on a busy machine a new process got it (a CI failure).
     */
    private static long deadPid() {
        long pid = Integer.MAX_VALUE;
        assertThat(ProcessHandle.of(pid)).isEmpty();
        return pid;
    }

    @Test
    void noQueryChoosesTheOnlyHostRunning() throws Exception {
        EndpointDirectory dir = directoryWith("only");

        assertThat(HostQuery.any().selectFrom(dir).name()).isEqualTo("only");
        assertThat(HostQuery.pid(PID).selectFrom(dir).name()).isEqualTo("only");
    }

    @Test
    void anUnknownNameFailsListingTheHostsRunning() throws Exception {
        EndpointDirectory dir = directoryWith("one");

        assertThatThrownBy(() -> HostQuery.named("ghost").selectFrom(dir))
                .isInstanceOfSatisfying(HostSelectionException.class,
                        e -> assertThat(e.reason()).isEqualTo(HostSelectionException.Reason.NONE))
                .hasMessage("found no host named ghost with a management endpoint in " + dir + "; running: one (pid " + PID + ")");
    }

    @Test
    void severalMatchingHostsAreRefusedByName() throws Exception {
        EndpointDirectory dir = directoryWith("one", "two");

        assertThatThrownBy(() -> HostQuery.any().selectFrom(dir))
                .isInstanceOfSatisfying(HostSelectionException.class,
                        e -> assertThat(e.reason()).isEqualTo(HostSelectionException.Reason.SEVERAL))
                .hasMessage("several hosts match: one (pid " + PID + "), two (pid " + PID + ")");
    }

    @Test
    void anEmptyDirectoryNamesNoHostRunning() {
        assertThatThrownBy(() -> HostQuery.pid(PID).selectFrom(EndpointDirectory.under(base)))
                .hasMessage("found no host with pid " + PID + " with a management endpoint in " + EndpointDirectory.under(base));
    }
}
