package io.hotswap.demo.livex.orders;

/** Holds the live function the host calls for every due order job. */
public final class OrderJobs {

    private OrderJobs() {
    }

    /**
     * A live function: the host finds it by name in the generation current when the job runs, so
     * the newest version handles even jobs an older version scheduled. The host restored the job's
     * live data into that generation's live type, this version's {@code Live_Order}, whichever
     * version captured it.
     */
    public static String live_handleOrder(Live_Order order) {
        return "live_handleOrder " + OrdersPlugin.STAMP + ": " + order.handle();
    }
}
