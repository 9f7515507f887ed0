package io.hotswap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every help ends with examples of the command it describes, and bash completion comes from the command itself. */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"build", "reload", "status", "hosts", "leaks"})
    void eachSubcommandsHelpEndsWithAnExampleOfItself(String name) {
        Cli help = Cli.run(name, "--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        String examples = help.out().substring(help.out().indexOf("Example"));
        assertThat(help.out()).as(help.toString()).startsWith("Usage: hotswap " + name + " ");
        assertThat(examples.lines().skip(1)).as(help.toString()).isNotEmpty()
                .allMatch(l -> l.startsWith("  hotswap " + name) || l.startsWith("  mvn ") || l.startsWith("      "))
                .anyMatch(l -> l.startsWith("  hotswap " + name));
    }

    @Test
    void theTopHelpShowsExamplesAndHowToTurnOnCompletion() {
        Cli help = Cli.run("--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("Examples:").contains("  hotswap reload --host hello")
                .contains("  source <(hotswap generate-completion)");
        assertThat(help.out().lines().map(String::strip)).anyMatch(l -> l.startsWith("generate-completion "));
    }

    @Test
    void generateCompletionPrintsABashScriptThatCompletesEveryCommandAndItsOptions() {
        Cli completion = Cli.run("generate-completion");

        assertThat(completion.exitCode()).as(completion.toString()).isZero();
        assertThat(completion.out()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_hotswap")
                .contains("build").contains("reload").contains("status").contains("hosts")
                .contains("--prefixLive").contains("--timeout").contains("--json").contains("--runtime-dir");
    }
}
