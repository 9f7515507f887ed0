package io.hotswap.runtime.live.bind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Makes the {@link Invoker} of a live function: a hidden class copied from
 * {@link ConstantTargetInvoker}, with the function's handle as its constant.
 *
 * <p>The hidden class is defined in the runtime's own package, not in the plugin: it holds the
 * plugin's method through its handle, the plugin never holds it. It is not tied to any class
 * loader's lifetime, so it goes with the generation whose vault refers to it, and the plugin's
 * layer can be collected after that.
 */
final class Invokers {

    /** From this many parameters on, the arguments are passed as one array and spread. */
    static final int SPREAD_FROM = 6;

    private static final byte[] TEMPLATE = template();

    private Invokers() {
    }

    /** An invoker of {@code handle} (a fixed-arity handle of a static method). */
    static Invoker of(MethodHandle handle) {
        int arity = handle.type().parameterCount();
        MethodHandle target = arity < SPREAD_FROM
                ? handle.asType(MethodType.genericMethodType(arity))
                : handle.asSpreader(Object[].class, arity).asType(MethodType.methodType(Object.class, Object[].class));
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE, target, true);
            return (Invoker) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot define the invoker of " + handle, t);
        }
    }

    private static byte[] template() {
        String file = ConstantTargetInvoker.class.getSimpleName() + ".class";
        try (InputStream in = Invokers.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the runtime's own class file " + file + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runtime's own class file " + file, e);
        }
    }
}
