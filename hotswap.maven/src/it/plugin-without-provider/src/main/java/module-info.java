module lonely {
    requires io.hotswap.api;
}
