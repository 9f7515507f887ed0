package io.hotswap.demo.trine.beta.internal;

import io.hotswap.api.Imports;
import io.hotswap.api.Plugin;
import io.hotswap.demo.trine.alpha.Alpha;
import io.hotswap.demo.trine.beta.Beta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Exports a {@link Beta} that relays to the {@link Alpha} it imports. */
public final class BetaPlugin implements Plugin {

    /** Bumped by {@code reload.sh} only when beta itself is rebuilt. */
    static final String STAMP = "v1";

    private static final Logger log = LoggerFactory.getLogger(BetaPlugin.class);

    // export() is asked before the imports are wired, so the exported object reads alpha late.
    private volatile Alpha alpha;

    @Override
    public Object export() {
        return (Beta) pulse -> "beta " + STAMP + " -> " + alpha.answer(pulse);
    }

    @Override
    public void imports(Imports imports) {
        alpha = imports.get("alpha", Alpha.class);
    }

    @Override
    public void onLoad(Object data) {
        log.info("beta {}: loaded, linked to alpha {}", STAMP, alpha.stamp());
    }

    @Override
    public void onFree() {
        log.info("beta {}: freed", STAMP);
    }
}
