package io.hotswap.protocol.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.protocol.HostEntry;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a client picks its host among the sidecars of the endpoint directory. */
class HostQueryTest {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path base;

    private EndpointDirectory directoryWith(String... names) throws Exception {
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
