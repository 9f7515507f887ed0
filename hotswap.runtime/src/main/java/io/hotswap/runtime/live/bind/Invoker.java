package io.hotswap.runtime.live.bind;

/**
 * Calls one live function with its arguments unpacked, by arity; only the method of the
 * function's own arity is ever called ({@link #spread} from {@link Invokers#SPREAD_FROM} on).
 * Implemented by one hidden class per function ({@link Invokers}), whose target handle is a
 * constant the JIT can inline.
 */
interface Invoker {

    Object call0() throws Throwable;

    Object call1(Object a) throws Throwable;

    Object call2(Object a, Object b) throws Throwable;

    Object call3(Object a, Object b, Object c) throws Throwable;

    Object call4(Object a, Object b, Object c, Object d) throws Throwable;

    Object call5(Object a, Object b, Object c, Object d, Object e) throws Throwable;

    Object spread(Object[] args) throws Throwable;
}
