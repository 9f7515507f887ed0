package io.hotswap.demo.tests;

import java.time.Duration;

/** Upper bounds only: a test waits for output and goes on as soon as it comes. */
final class Timeouts {

    /** From run.sh to the host's first line of v1: the plugin build and the JVM start. */
    static final Duration START = Duration.ofMinutes(2);

    /** From one step of a demo to what it should show next. */
    static final Duration STEP = Duration.ofSeconds(60);

    private Timeouts() {
    }
}
