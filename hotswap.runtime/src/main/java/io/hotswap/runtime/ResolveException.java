package io.hotswap.runtime;

/**
 * A reload failed before any plugin code ran: a jar could not be read, a module is not a valid
 * plugin, the dependencies form a cycle or name a missing plugin, or the layer could not be
 * resolved or defined.
 *
 * @since 0.1
 */
public final class ResolveException extends ReloadException {

    private static final long serialVersionUID = 1L;

    public ResolveException(String plugin, ReloadStep step, String detail, Throwable cause) {
        super(plugin, step, detail, cause);
    }

    public ResolveException(String plugin, ReloadStep step, String detail) {
        super(plugin, step, detail, null);
    }
}
