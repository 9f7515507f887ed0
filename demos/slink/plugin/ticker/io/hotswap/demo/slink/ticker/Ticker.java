package io.hotswap.demo.slink.ticker;

import io.hotswap.api.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers the host's {@code tick}; a good place for a breakpoint: {@code stop in io.hotswap.demo.slink.ticker.Ticker.tick}. */
public final class Ticker implements Plugin {

    /** Bumped by {@code reload.sh} on every rebuild; in static mode the running stamp never changes. */
    static final String STAMP = "v1";

    private static final Logger log = LoggerFactory.getLogger(Ticker.class);

    @Override
    public void onLoad(Object data) {
        log.info("ticker {}: loaded from {}", STAMP, getClass().getModule().getLayer() == ModuleLayer.boot()
                ? "the host's module path (boot layer)" : "a plugin layer");
    }

    @Override
    public Object invokeFunc(String name, Object... params) {
        if (!name.equals("tick")) {
            throw new UnsupportedOperationException("ticker has no function '" + name + "'");
        }
        return tick(((Number) params[0]).longValue());
    }

    private String tick(long n) {
        String line = "ticker " + STAMP + ": tick #" + n;
        log.info(line);
        return line;
    }
}
