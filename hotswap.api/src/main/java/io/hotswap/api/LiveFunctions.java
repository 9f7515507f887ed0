package io.hotswap.api;

import java.util.Optional;
import java.util.Set;

/**
 * The live functions of one generation, by live name, each bound to the newest version of its
 * plugin. Hosts keep names (strings), never functions: look the name up in the current
 * generation's vault when the work runs, and the newest code runs.
 *
 * @since 0.1
 */
public interface LiveFunctions {

    /** Every live name of this generation. */
    Set<String> names();

    /** The function of that name, if this generation has one. */
    Optional<LiveFunction> find(String name);

    /**
     * Calls the function of that name, as {@link LiveFunction#call(Object...)}.
     *
     * @throws IllegalArgumentException if there is no such function (the message lists the names
     *         there are), or the arguments do not fit
     */
    Object call(String name, Object... args);
}
