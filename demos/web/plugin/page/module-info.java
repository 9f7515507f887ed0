module page {
    requires io.hotswap.api;
    requires org.slf4j;
    provides io.hotswap.api.Plugin with io.hotswap.demo.web.page.Page;
}
