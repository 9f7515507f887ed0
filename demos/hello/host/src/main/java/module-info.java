/**
 * The hello demo's host: loads the plugins of a directory at start-up and hums through them.
 */
module io.hotswap.demo.hello {
    requires io.hotswap.demo.host;
}
