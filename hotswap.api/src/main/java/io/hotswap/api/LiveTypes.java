package io.hotswap.api;

import java.util.Optional;
import java.util.Set;

/**
 * The live types of one generation, by live name, each the class of the newest version of its
 * plugin. A live type is a record, or a class with a no-argument constructor.
 *
 * <p>Live data goes in and out through here: {@link #capture(Object)} reads objects of this
 * generation's live types into {@link LiveData}, {@link #restore(LiveData)} rebuilds live data as
 * this generation's class of the same live name. What is a live type, and under which name, belongs
 * to the swapper that bound it: the live types of another swapper in the same JVM, even of the same
 * names, are not this generation's.
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
     * Captures a value: a plain value as {@link LiveData#of(Object)} does, and every object of a
     * live type of this generation in it as the tree of its fields (records by their components),
     * together with its live name.
     *
     * @apiNote A plugin captures through the vault given to its {@link Plugin#onInit(Vault)}, which
     *          knows its live types; keep {@code vault.liveTypes()} in a field for that. They are
     *          that generation's, other plugins' included: a plugin carried over by a reload that
     *          replaces another plugin with live types keeps that plugin's old version reachable
     *          until it is replaced itself (the leak watch names it).
     * @throws IllegalArgumentException if the value or anything in it is neither a JDK value
     *         {@code LiveData} holds nor an object of a live type of this generation; the message
     *         names the type and where in the tree it was found
     * @since 0.2
     */
    LiveData capture(Object value);

    /**
     * Restores live data into the newest version of the type it was taken from: its class of the
     * same live name in this generation, as {@link #restore(LiveData, Class)} does.
     *
     * @throws IllegalArgumentException if the data holds no live type, its type has no live name in
     *         this generation, or a field's value does not fit (the message names the field)
     */
    Object restore(LiveData data);

    /**
     * Restores live data into {@code type}: fields (or record components) matched by name, missing
     * ones keeping the type's defaults, extra ones ignored; nested live types, lists and maps
     * restored by the declared types of the fields. Plain values restore into their own types,
     * numbers into any numeric type that holds them exactly, names into enums.
     *
     * @param type a JDK type, or a class of a plugin of this generation (a live type, or a type its
     *             fields name)
     * @throws IllegalArgumentException if {@code type} is a class of no plugin of this generation, or
     *         a value does not fit its field, naming the field
     * @since 0.2
     */
    <T> T restore(LiveData data, Class<T> type);
}
