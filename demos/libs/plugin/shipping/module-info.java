/** The libs demo's shipping plugin: bundles its own Gson (hotswap build --lib), resolved into its own layer. */
module shipping {
    requires io.hotswap.api;
    requires org.slf4j;
    requires com.google.gson;

    provides io.hotswap.api.Plugin with io.hotswap.demo.libs.shipping.Shipping;
}
