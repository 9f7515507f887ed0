/**
 * The livex demo's plugin: schedules order jobs with live data, handled by its live function
 * {@code live_handleOrder} and its live type {@code Live_Order}.
 */
module orders {
    requires io.hotswap.api;
    requires io.hotswap.demo.livex;
    requires org.slf4j;

    provides io.hotswap.api.Plugin with io.hotswap.demo.livex.orders.OrdersPlugin;
}
