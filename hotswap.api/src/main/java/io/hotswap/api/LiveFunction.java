package io.hotswap.api;

import java.util.List;

/**
 * One live function of a generation: a static method of the newest version of the plugin that
 * declares it, bound once when the generation was built.
 *
 * @since 0.1
 */
public interface LiveFunction {

    /** The live name. */
    String name();

    /** The plugin (module) that declares it. */
    String plugin();

    /** The method's parameter types, in order. */
    List<Class<?>> parameterTypes();

    /** The method's return type; {@code void.class} for none. */
    Class<?> returnType();

    /**
     * Calls the method. Arguments may be {@code null} where the parameter is not primitive;
     * primitives are passed boxed. The result is boxed, or {@code null} for a {@code void} method.
     *
     * @throws IllegalArgumentException if the number or types of the arguments do not fit; the
     *         message names the function, its plugin and the parameter
     * @throws java.lang.reflect.UndeclaredThrowableException wrapping a checked exception the
     *         method threw; unchecked exceptions and errors pass through unchanged
     */
    Object call(Object... args);
}
