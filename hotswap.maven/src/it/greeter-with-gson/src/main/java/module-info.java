module greeter {
    requires io.hotswap.api;
    requires com.google.gson;
    provides io.hotswap.api.Plugin with greeter.impl.Greeter;
}
