package io.hotswap.runtime;

import java.util.Optional;

/**
 * The result of calling one plugin's {@code invokeFunc} through {@link Generation#invokeEach}.
 *
 * @param plugin the plugin's name
 * @param result what it returned; {@code null} if it returned nothing or failed
 * @param error  what it threw; {@code null} if it succeeded
 * @since 0.1
 */
public record Invocation(String plugin, Object result, Throwable error) {

    public boolean succeeded() {
        return error == null;
    }

    public Optional<Object> value() {
        return Optional.ofNullable(result);
    }
}
