/**
 * The livex demo's host: a job queue that outlives reloads. It exports only the scheduler that
 * plugins put jobs in; the queue itself stays internal.
 */
module io.hotswap.demo.livex {
    requires io.hotswap.demo.host;

    exports io.hotswap.demo.livex.spi;
}
