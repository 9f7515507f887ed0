package io.hotswap.runtime.jfr;

import jdk.jfr.FlightRecorder;

/**
 * Whether to make events at all. The first event class the JVM loads sets up JFR's event
 * machinery (some hundred classes), even with no recording, so events are made only once Flight
 * Recorder is initialized: by
 * {@code -XX:StartFlightRecording}, {@code jcmd JFR.start}, JDK Mission Control or a
 * {@code Recording} in the host. From then on every load and reload is recorded.
 */
public final class Jfr {

    private Jfr() {
    }

    /** True once Flight Recorder is up; cheap enough for every load and free. */
    public static boolean on() {
        return FlightRecorder.isInitialized();
    }
}
