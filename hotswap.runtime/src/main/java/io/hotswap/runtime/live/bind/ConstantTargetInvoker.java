package io.hotswap.runtime.live.bind;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * The template of the hidden classes {@link Invokers} defines: never loaded under its own name
 * for use, only read as bytes. Each hidden copy gets its function's handle as class data, into a
 * static final field: a constant to the JIT, so that a call through {@link Invoker} inlines down
 * to the plugin's method, where a handle kept in an instance field is an opaque call.
 */
final class ConstantTargetInvoker implements Invoker {

    private static final MethodHandle TARGET;

    static {
        try {
            TARGET = MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Object call0() throws Throwable {
        return (Object) TARGET.invokeExact();
    }

    @Override
    public Object call1(Object a) throws Throwable {
        return (Object) TARGET.invokeExact(a);
    }

    @Override
    public Object call2(Object a, Object b) throws Throwable {
        return (Object) TARGET.invokeExact(a, b);
    }

    @Override
    public Object call3(Object a, Object b, Object c) throws Throwable {
        return (Object) TARGET.invokeExact(a, b, c);
    }

    @Override
    public Object call4(Object a, Object b, Object c, Object d) throws Throwable {
        return (Object) TARGET.invokeExact(a, b, c, d);
    }

    @Override
    public Object call5(Object a, Object b, Object c, Object d, Object e) throws Throwable {
        return (Object) TARGET.invokeExact(a, b, c, d, e);
    }

    @Override
    public Object spread(Object[] args) throws Throwable {
        return (Object) TARGET.invokeExact(args);
    }
}
