package io.hotswap.demo.trine.gamma;

import io.hotswap.api.Imports;
import io.hotswap.api.Plugin;
import io.hotswap.demo.trine.beta.Beta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers the host's {@code pulse} by calling through beta (and so alpha). */
public final class GammaPlugin implements Plugin {

    /** Bumped by {@code reload.sh} only when gamma itself is rebuilt. */
    static final String STAMP = "v1";

    private static final Logger log = LoggerFactory.getLogger(GammaPlugin.class);

    private volatile Beta beta;

    @Override
    public void imports(Imports imports) {
        beta = imports.get("beta", Beta.class);
    }

    @Override
    public void onLoad(Object data) {
        log.info("gamma {}: loaded, linked to beta", STAMP);
    }

    @Override
    public Object invokeFunc(String name, Object... params) {
        if (!name.equals("pulse")) {
            throw new UnsupportedOperationException("gamma has no function '" + name + "'");
        }
        long pulse = ((Number) params[0]).longValue();
        return "gamma " + STAMP + " -> " + beta.relay(pulse);
    }

    @Override
    public void onFree() {
        log.info("gamma {}: freed", STAMP);
    }
}
