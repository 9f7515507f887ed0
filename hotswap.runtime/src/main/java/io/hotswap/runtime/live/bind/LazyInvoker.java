package io.hotswap.runtime.live.bind;

import java.lang.invoke.MethodHandle;

/**
 * The {@link Invoker} of one live function, made at its first call. A reload binds every live
 * function of every plugin, and most are not called in every generation: defining the hidden
 * class of each at bind time cost a reload of a 1-class plugin about 0.1 ms of its 1 ms.
 */
final class LazyInvoker {

    private final MethodHandle handle;
    private volatile Invoker invoker;

    /** @param handle a fixed-arity handle of a static method */
    LazyInvoker(MethodHandle handle) {
        this.handle = handle;
    }

    Invoker get() {
        Invoker i = invoker;
        return i != null ? i : make();
    }

    // Once per function: racing first calls wait here rather than define two hidden classes.
    private synchronized Invoker make() {
        Invoker i = invoker;
        if (i == null) {
            i = Invokers.of(handle);
            invoker = i;
        }
        return i;
    }
}
