package io.hotswap.runtime;

/**
 * The new generation was built but refused before it became current: the host's reload callback
 * vetoed it or threw, two plugins claim the same live name, or reloading is not possible in this
 * mode.
 *
 * @since 0.1
 */
public final class SwapException extends ReloadException {

    private static final long serialVersionUID = 1L;

    public SwapException(String plugin, ReloadStep step, String detail, Throwable cause) {
        super(plugin, step, detail, cause);
    }
}
