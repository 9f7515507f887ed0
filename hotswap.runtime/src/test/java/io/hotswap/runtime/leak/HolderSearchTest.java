package io.hotswap.runtime.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HolderSearchTest {

    @Test
    void withoutJavaLangOpenTheShutdownHookAndThreadLocalChecksAreSkippedAndTheOthersRun() {
        Module notOpened = new ClassLoader("other", null) { }.getUnnamedModule();

        assertThat(kinds(HolderSearch.checks(notOpened)))
                .containsExactly(LiveThreads.class, JdbcDrivers.class, LoggingHandlers.class);
    }

    @Test
    void withJavaLangOpenAsThisJvmHasItEveryCheckRuns() {
        assertThat(kinds(HolderSearch.checks(HolderSearch.class.getModule()))).containsExactly(LiveThreads.class,
                JdbcDrivers.class, LoggingHandlers.class, ShutdownHooks.class, ThreadLocalValues.class);
    }

    private static List<Class<?>> kinds(List<HolderCheck> checks) {
        return checks.stream().<Class<?>>map(HolderCheck::getClass).toList();
    }
}
