package io.hotswap.runtime;

import java.util.Optional;

/**
 * A load or reload that failed. Nothing changed: the previous generation is still current and
 * serving, and the new plugins whose hooks ran were freed. The message names the plugin (when one
 * is to blame), the step and the cause.
 *
 * <p>One subtype per phase: {@link ResolveException} before any plugin code runs,
 * {@link HookException} inside a plugin's hook, {@link SwapException} when the finished
 * generation is refused.
 *
 * @since 0.1
 */
public abstract sealed class ReloadException extends RuntimeException
        permits ResolveException, HookException, SwapException {

    private static final long serialVersionUID = 1L;

    private final String plugin;
    private final ReloadStep step;

    ReloadException(String plugin, ReloadStep step, String detail, Throwable cause) {
        super(message(plugin, step, detail, cause), cause);
        this.plugin = plugin;
        this.step = step;
    }

    private static String message(String plugin, ReloadStep step, String detail, Throwable cause) {
        StringBuilder sb = new StringBuilder();
        sb.append(plugin == null ? "Reload" : "Plugin " + plugin);
        sb.append(" failed at step '").append(step.label()).append("'");
        if (detail != null) {
            sb.append(": ").append(detail);
        }
        if (cause != null) {
            sb.append(detail == null ? ": " : " (caused by ").append(cause);
            if (detail != null) {
                sb.append(')');
            }
        }
        return sb.toString();
    }

    /** The plugin to blame, if the failure is about one plugin. */
    public Optional<String> plugin() {
        return Optional.ofNullable(plugin);
    }

    /** The step that failed. */
    public ReloadStep step() {
        return step;
    }
}
