package io.hotswap.demo.livex.orders;

/**
 * A live type: an order as it travels through the host's queue. The queue holds it as live data
 * (its fields, by name), and a job restores it into the newest version of this record.
 *
 * @param number      which order
 * @param item        what was ordered
 * @param scheduledBy the version stamp of the code that scheduled the job
 */
public record Live_Order(long number, String item, String scheduledBy) {

    /** The live type's method that handles the order: says which version's code did it. */
    String handle() {
        return "order " + number + " (" + item + ") scheduled by " + scheduledBy + ", handled by Live_Order "
                + OrdersPlugin.STAMP;
    }
}
