package io.hotswap.demo.livex.orders;

import io.hotswap.api.LiveTypes;
import io.hotswap.api.Plugin;
import io.hotswap.api.Vault;
import io.hotswap.demo.livex.spi.Scheduler;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** On every {@code produce} from the host, schedules one order job, due two seconds later. */
public final class OrdersPlugin implements Plugin {

    /** Bumped by {@code reload.sh} on every rebuild, so each version is easy to tell apart. */
    static final String STAMP = "v1";

    private static final Logger log = LoggerFactory.getLogger(OrdersPlugin.class);
    private static final Duration DUE_AFTER = Duration.ofSeconds(2);
    private static final List<String> ITEMS = List.of("tea", "bread", "lamp", "chair", "rope");

    private volatile Scheduler scheduler;
    private volatile LiveTypes liveTypes;

    @Override
    public void onInit(Vault vault) {
        scheduler = vault.extension(Scheduler.class);
        liveTypes = vault.liveTypes(); // this generation's live types: they capture our Live_Order
        log.info("orders {}: ready; live functions {}, live types {}", STAMP, vault.liveFuncs().names(),
                vault.liveTypes().names());
    }

    @Override
    public Object invokeFunc(String name, Object... params) {
        if (!name.equals("produce")) {
            throw new UnsupportedOperationException("orders has no function '" + name + "'");
        }
        long round = ((Number) params[0]).longValue();
        Live_Order order = new Live_Order(round, ITEMS.get((int) (round % ITEMS.size())), STAMP);
        // The job carries live data and the function's name: nothing that pins this version.
        return scheduler.schedule(DUE_AFTER, "live_handleOrder", liveTypes.capture(order));
    }

    @Override
    public void onFree() {
        log.info("orders {}: freed", STAMP);
    }
}
