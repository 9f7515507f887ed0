/** The extension demo's plugin: installs a greeter function in the host's extension object. */
module greeter {
    requires io.hotswap.api;
    requires io.hotswap.demo.extension;
    requires org.slf4j;

    provides io.hotswap.api.Plugin with io.hotswap.demo.extension.greeter.Greeter;
}
