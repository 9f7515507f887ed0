package io.hotswap.demo.livex.orders;

import io.hotswap.api.LiveData;

/** Holds the live function the host calls for every due order job. */
public final class OrderJobs {

    private OrderJobs() {
    }

    /**
     * A live function: the host finds it by name in the generation current when the job runs, so
     * the newest version handles even jobs an older version scheduled.
     */
    public static String live_handleOrder(LiveData data) {
        // Restored into this version's Live_Order, whichever version captured it.
        Live_Order order = data.restore(Live_Order.class);
        return "live_handleOrder " + OrdersPlugin.STAMP + ": " + order.handle();
    }
}
