package io.hotswap.runtime.leak;

import java.lang.invoke.MethodHandles;
import java.util.Optional;

/**
 * The one way a check reads private state of {@code java.lang}: only where the host opened the
 * package to the runtime ({@code --add-opens java.base/java.lang=io.hotswap.runtime}), and never
 * by forcing it. Where it is not open, or the JDK keeps that state otherwise, the check is skipped.
 */
final class OpenJavaLang {

    /** Makes a check from what it reads. */
    interface Reader<T> {
        T read(OpenJavaLang lang) throws ReflectiveOperationException;
    }

    private OpenJavaLang() {
    }

    /** The check {@code reader} makes, if {@code java.lang} is open to {@code self}; empty otherwise. */
    static <T> Optional<T> read(Module self, Reader<T> reader) {
        if (!Object.class.getModule().isOpen("java.lang", self)) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.read(new OpenJavaLang()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty(); // a JDK that keeps it otherwise: nothing to look at
        }
    }

    /** A class of {@code java.lang} by its binary name there, e.g. {@code ThreadLocal$ThreadLocalMap}. */
    Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName("java.lang." + name);
    }

    /** A lookup with private access to {@code type}. */
    MethodHandles.Lookup in(Class<?> type) throws IllegalAccessException {
        return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    }
}
