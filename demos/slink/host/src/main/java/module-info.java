/**
 * The slink demo's host: static linking. Its plugin is on the host's own module path (in the boot
 * layer), so a debugger sees it like any other module; reloading is off.
 */
module io.hotswap.demo.slink {
    requires io.hotswap.demo.host;
}
