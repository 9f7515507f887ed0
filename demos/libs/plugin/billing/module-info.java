/** The libs demo's billing plugin: bundles its own Gson (hotswap build --lib), resolved into its own layer. */
module billing {
    requires io.hotswap.api;
    requires org.slf4j;
    requires com.google.gson;

    provides io.hotswap.api.Plugin with io.hotswap.demo.libs.billing.Billing;
}
