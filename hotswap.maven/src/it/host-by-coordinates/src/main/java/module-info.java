module acme.host {
    requires io.hotswap.runtime;
}
