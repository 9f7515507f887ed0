/**
 * The libs demo's host: calls two plugins that each bundle their own version of Gson. The host
 * itself never reads Gson.
 */
module io.hotswap.demo.libs {
    requires io.hotswap.demo.host;
}
