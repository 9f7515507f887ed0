package io.hotswap.api;

import java.util.Optional;
import java.util.Set;

/**
 * The exports of the plugins a plugin {@code requires}, handed to it before
 * {@link Plugin#onLoad(Object)}.
 *
 * @since 0.1
 */
public interface Imports {

    /** The names of the plugins this one requires, whether or not they export anything. */
    Set<String> plugins();

    /**
     * The export of a required plugin, checked against the expected type.
     *
     * @throws IllegalArgumentException if {@code plugin} is not a plugin this one requires, if it
     *         exports nothing, or if its export is not an instance of {@code type}; the message
     *         names both plugins and both types
     */
    <T> T get(String plugin, Class<T> type);

    /** The export of a required plugin, if it has one and it is an instance of {@code type}. */
    <T> Optional<T> find(String plugin, Class<T> type);
}
