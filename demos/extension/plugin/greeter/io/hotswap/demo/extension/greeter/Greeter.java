package io.hotswap.demo.extension.greeter;

import io.hotswap.api.Plugin;
import io.hotswap.api.Vault;
import io.hotswap.demo.extension.spi.Greetings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fills the host's extension with this version's greeter function. */
public final class Greeter implements Plugin {

    /** Bumped by {@code reload.sh} on every rebuild, so each version is easy to tell apart. */
    static final String STAMP = "v1";

    private static final Logger log = LoggerFactory.getLogger(Greeter.class);

    @Override
    public void onInit(Vault vault) {
        vault.extension(Greetings.class).installGreeter(visitor -> "Hello, " + visitor + ", from greeter " + STAMP);
        log.info("greeter {}: installed its greeter function in the host's extension", STAMP);
    }

    @Override
    public void onFree() {
        log.info("greeter {}: freed", STAMP);
    }
}
