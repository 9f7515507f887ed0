package io.hotswap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.cli.remote.QuickReload;
import io.hotswap.protocol.ProtocolCodec;
import io.hotswap.protocol.ReloadOutcome;
import io.hotswap.protocol.ReloadReply;
import io.hotswap.protocol.ReloadResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hotswap reload} without picocli: the same result, and every other command line left to picocli. */
class QuickReloadTest {

    @TempDir
    Path base;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static final String RELOADED = ProtocolCodec.encode(new ReloadReply(new ReloadResult(7, 3,
            Map.of("hello", ReloadOutcome.OK))));

    @Test
    void aQuickReloadPrintsWhatTheReloadCommandPrintsThroughPicocli() throws Exception {
        Path quick = base.resolve("quick.sock");
        Path picocli = base.resolve("picocli.sock");
        try (CannedEndpoint a = CannedEndpoint.answering(quick, RELOADED);
             CannedEndpoint b = CannedEndpoint.answering(picocli, RELOADED)) {

            Optional<Integer> code = quick("reload", "--socket=" + quick, "--timeout", "5");
            // --debug is not the quick path's: picocli runs this one.
            Cli viaPicocli = Cli.run("reload", "--debug", "--socket", picocli.toString(), "--timeout", "5");

            assertThat(code).contains(viaPicocli.exitCode());
            assertThat(out.toString()).isEqualTo(viaPicocli.out()).startsWith("reloaded: generation 7 in 3 ms");
            assertThat(err.toString()).isEqualTo(viaPicocli.err());
            assertThat(a.request()).isEqualTo(b.request()).isEqualTo("{\"command\":\"reload\"}");
        }
    }

    @Test
    void aFailureAfterTheRequestWasSentIsReportedOnceAndNotSentAgainThroughPicocli() throws Exception {
        Path socket = base.resolve("garbled.sock");
        try (CannedEndpoint endpoint = CannedEndpoint.answering(socket, "not a reply")) {

            Cli reload = Cli.run("reload", "--socket", socket.toString(), "--timeout", "5");

            assertThat(reload.exitCode()).as(reload.toString()).isEqualTo(1);
            assertThat(reload.err()).startsWith("reload: cannot talk to the host at " + socket)
                    .doesNotContain("did not answer");
            assertThat(endpoint.request()).isEqualTo("{\"command\":\"reload\"}");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reload --debug", "reload --help", "reload --host a --pid 1", "reload --pid one",
            "reload --timeout 0", "reload --timeout", "reload --host a --host b", "reload --host -x", "reload extra",
            "reload --host ghost --runtime-dir BASE", "status", ""})
    void aCommandLineItDoesNotTakeAsItIsIsLeftToPicocliWithNothingPrinted(String line) {
        List<String> args = new ArrayList<>();
        for (String a : line.split(" ")) {
            if (!a.isEmpty()) {
                args.add(a.equals("BASE") ? base.toString() : a);
            }
        }

        assertThat(quick(args.toArray(String[]::new))).isEmpty();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();
    }

    private Optional<Integer> quick(String... args) {
        return QuickReload.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
