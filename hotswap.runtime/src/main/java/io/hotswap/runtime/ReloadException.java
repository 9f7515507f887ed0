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

    /**
     * The failure of the phase {@code step} belongs to: before any plugin code runs a
     * {@link ResolveException}, in a plugin's hook a {@link HookException}, after them a
     * {@link SwapException}. For a failure that no step expected (an {@code OutOfMemoryError}
     * reading a jar), so that it still names the plugin and the step it happened at.
     */
    static ReloadException at(String plugin, ReloadStep step, String detail, Throwable cause) {
        return switch (step) {
            case READ_JAR, DESCRIBE, ORDER, DEFINE_LAYER, INSTANTIATE -> new ResolveException(plugin, step, detail, cause);
            case RELOADABLE, EXPORT, IMPORTS, ON_LOAD, ON_INIT -> new HookException(plugin, step, detail, cause);
            case VAULT, CALLBACK, SWAP -> new SwapException(plugin, step, detail, cause);
        };
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
