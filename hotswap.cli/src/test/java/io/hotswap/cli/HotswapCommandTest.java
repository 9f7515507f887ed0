package io.hotswap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.cli.command.ExitCode;
import org.junit.jupiter.api.Test;

/** The top-level command builds only the subcommand named first; everything else sees all of them. */
class HotswapCommandTest {

    @Test
    void theUsageListsEverySubcommandWhateverComesFirst() {
        for (Cli usage : new Cli[] {Cli.run(), Cli.run("--help")}) {
            String text = usage.out() + usage.err();
            assertThat(text).as(usage.toString()).contains("Usage: hotswap");
            assertThat(text.lines().map(String::strip)).as(usage.toString())
                    .anyMatch(l -> l.startsWith("build "))
                    .anyMatch(l -> l.startsWith("reload "))
                    .anyMatch(l -> l.startsWith("status "))
                    .anyMatch(l -> l.startsWith("hosts "));
        }
        Cli unknown = Cli.run("statsu");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("Unmatched argument at index 0: 'statsu'").contains("Did you mean: hotswap status");
    }

    @Test
    void eachSubcommandNamedFirstIsTheOneThatRuns() {
        for (String name : new String[] {"build", "reload", "status", "leaks", "hosts"}) {
            Cli unknown = Cli.run(name, "--frobnicate");
            assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(unknown.err()).contains("Usage: hotswap " + name + " ");
        }
    }

    @Test
    void debugPrintsTheStackTraceOnlyWhenTheCommandItselfWasGivenIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path runtime) {
        Cli plain = Cli.run("status", "--host", "nobody", "--runtime-dir", runtime.toString());
        Cli debug = Cli.run("status", "--host", "nobody", "--runtime-dir", runtime.toString(), "--debug");

        assertThat(plain.exitCode()).as(plain.toString()).isNotZero().isEqualTo(debug.exitCode());
        assertThat(plain.err()).as(plain.toString()).contains("nobody").doesNotContain("\tat io.hotswap.");
        assertThat(debug.err()).as(debug.toString()).contains("nobody").contains("\tat io.hotswap.");
    }
}
