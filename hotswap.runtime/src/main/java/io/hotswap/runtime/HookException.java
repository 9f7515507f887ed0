package io.hotswap.runtime;

/**
 * A plugin's hook ({@code reloadable}, {@code export}, {@code imports}, {@code onLoad},
 * {@code onInit}) threw, or answered something the runtime cannot accept.
 *
 * @since 0.1
 */
public final class HookException extends ReloadException {

    private static final long serialVersionUID = 1L;

    public HookException(String plugin, ReloadStep step, String detail, Throwable cause) {
        super(plugin, step, detail, cause);
    }
}
