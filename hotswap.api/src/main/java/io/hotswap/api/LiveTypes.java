package io.hotswap.api;

import java.util.Optional;
import java.util.Set;

/**
 * The live types of one generation, by live name, each the class of the newest version of its
 * plugin. A live type is a record, or a class with a no-argument constructor.
 *
 * @since 0.1
 */
public interface LiveTypes {

    /** Every live type name of this generation. */
    Set<String> names();

    /** The class of that name, if this generation has one. */
    Optional<Class<?>> find(String name);

    /**
     * A new instance: the no-argument constructor of a class, the canonical constructor of a
     * record with every component at its default ({@code null}, zero, {@code false}).
     *
     * @throws IllegalArgumentException if there is no such type, the message listing the names
     */
    Object newInstance(String name);

    /**
     * Restores live data into the newest version of the type it was taken from, as
     * {@link LiveData#restore(Class)} does.
     *
     * @throws IllegalArgumentException if the data holds no live type, its type has no live name in
     *         this generation, or a field's value does not fit (the message names the field)
     */
    Object restore(LiveData data);
}
