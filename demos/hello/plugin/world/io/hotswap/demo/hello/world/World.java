package io.hotswap.demo.hello.world;

import io.hotswap.api.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers the host's {@code hum} with a line that shows which version of this code ran. */
public final class World implements Plugin {

    /** Bumped by {@code reload.sh} on every rebuild, so each version is easy to tell apart. */
    static final String STAMP = "v1";

    private static final Logger log = LoggerFactory.getLogger(World.class);

    @Override
    public void onLoad(Object data) {
        log.info("world {}: loaded (module version {})", STAMP, moduleVersion());
    }

    @Override
    public Object invokeFunc(String name, Object... params) {
        if (!name.equals("hum")) {
            throw new UnsupportedOperationException("world has no function '" + name + "'");
        }
        log.info("world {}: hum #{}", STAMP, params.length > 0 ? params[0] : "?");
        return STAMP;
    }

    @Override
    public void onFree() {
        log.info("world {}: freed", STAMP);
    }

    private String moduleVersion() {
        return getClass().getModule().getDescriptor().rawVersion().orElse("unstamped");
    }
}
