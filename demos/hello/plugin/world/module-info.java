/** The hello demo's plugin: hums with its version stamp. */
module world {
    requires io.hotswap.api;
    requires org.slf4j;

    provides io.hotswap.api.Plugin with io.hotswap.demo.hello.world.World;
}
