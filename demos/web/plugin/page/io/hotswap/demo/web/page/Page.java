package io.hotswap.demo.web.page;

import io.hotswap.api.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The web demo's page: answers {@code get(path)} with one line naming its version. */
public final class Page implements Plugin {

    /** Bumped by {@code reload.sh} on every rebuild, so each version is easy to tell apart. */
    static final String STAMP = "v1";

    private static final Logger log = LoggerFactory.getLogger(Page.class);

    @Override
    public void onLoad(Object data) {
        log.info("page {}: serving", STAMP);
    }

    @Override
    public Object invokeFunc(String name, Object... params) {
        return switch (name) {
            case "get" -> "page " + STAMP + ": hello from " + params[0] + "\n";
            default -> throw new UnsupportedOperationException("page has no function '" + name + "'");
        };
    }

    @Override
    public void onFree() {
        log.info("page {}: freed", STAMP);
    }
}
