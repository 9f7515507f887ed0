package io.hotswap.demo.trine.alpha.internal;

import io.hotswap.api.Plugin;
import io.hotswap.demo.trine.alpha.Alpha;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Exports an {@link Alpha}; this package is not exported, so beta sees only the interface. */
public final class AlphaPlugin implements Plugin {

    /** Bumped by {@code reload.sh} on every rebuild of alpha. */
    static final String STAMP = "v1";

    private static final Logger log = LoggerFactory.getLogger(AlphaPlugin.class);

    private final Alpha alpha = new Alpha() {
        @Override
        public String stamp() {
            return STAMP;
        }

        @Override
        public String answer(long pulse) {
            return "alpha " + STAMP + " answers " + pulse;
        }
    };

    @Override
    public Object export() {
        return alpha;
    }

    @Override
    public void onLoad(Object data) {
        log.info("alpha {}: loaded", STAMP);
    }

    @Override
    public void onFree() {
        log.info("alpha {}: freed", STAMP);
    }
}
