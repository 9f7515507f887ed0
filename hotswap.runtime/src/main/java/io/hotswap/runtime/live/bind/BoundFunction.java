package io.hotswap.runtime.live.bind;

import io.hotswap.api.LiveFunction;
import io.hotswap.runtime.call.CallGate;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;

/**
 * A live function bound once per plugin version: an {@link Invoker} whose target is the method's
 * handle as a constant, called with the arguments unpacked. Arguments are checked only when the
 * handle refuses them, so that a mismatch gets a message rather than a bare
 * {@code ClassCastException}, without a check on every call.
 */
final class BoundFunction implements LiveFunction {

    private final String name;
    private final String plugin;
    private final String target;
    private final List<Class<?>> parameterTypes;
    private final int arity; // parameterTypes.size(), read on every call
    private final Class<?> returnType;
    /*
     * Up to five parameters, the array's elements are unpacked at the call site: a spreading
     * handle cost as much as the rest of the call together (JMH: about 4 ns of an 8 ns call), and
     * almost every live function takes few parameters. The invoker's handle is a constant of its
     * own class: a handle in a field here was an opaque call the JIT could not inline (about as
     * much again).
     */
    private final LazyInvoker invoker;
    // The gate of the generation whose vault holds this function; null before it is held.
    private final CallGate gate;

    BoundFunction(String name, String plugin, Method method, MethodHandle handle) {
        this(name, plugin, method.getDeclaringClass().getName() + "." + method.getName(),
                List.of(method.getParameterTypes()), method.getReturnType(),
                new LazyInvoker(handle.asFixedArity()), null);
    }

    private BoundFunction(String name, String plugin, String target, List<Class<?>> parameterTypes,
                          Class<?> returnType, LazyInvoker invoker, CallGate gate) {
        this.name = name;
        this.plugin = plugin;
        this.target = target;
        this.parameterTypes = parameterTypes;
        this.arity = parameterTypes.size();
        this.returnType = returnType;
        this.invoker = invoker;
        this.gate = gate;
    }

    /** The same function (same invoker), its calls passing the gate of a generation. */
    BoundFunction heldBy(CallGate gate) {
        return new BoundFunction(name, plugin, target, parameterTypes, returnType, invoker, gate);
    }

    /** The method, {@code a.b.Jobs.live_run}. */
    String target() {
        return target;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String plugin() {
        return plugin;
    }

    @Override
    public List<Class<?>> parameterTypes() {
        return parameterTypes;
    }

    @Override
    public Class<?> returnType() {
        return returnType;
    }

    /*
     * The argument array never leaves this method on the fast path (the error paths get a copy),
     * so once the JIT inlines the call into the caller it does not allocate the varargs array at
     * all: about half the cost of a call when it did (JMH, 24 bytes a call).
     */
    @Override
    public Object call(Object... args) {
        Object[] a = args == null ? new Object[] {null} : args;
        if (a.length != arity) {
            check(a.clone()); // throws, naming the function and both counts
        }
        CallGate g = gate;
        if (g != null) {
            g.enter();
            g.count(1);
        }
        try {
            Invoker f = invoker.get();
            return switch (a.length) {
                case 0 -> f.call0();
                case 1 -> f.call1(a[0]);
                case 2 -> f.call2(a[0], a[1]);
                case 3 -> f.call3(a[0], a[1], a[2]);
                case 4 -> f.call4(a[0], a[1], a[2], a[3]);
                case 5 -> f.call5(a[0], a[1], a[2], a[3], a[4]);
                default -> f.spread(a);
            };
        } catch (Throwable t) {
            if (g != null) {
                g.failed(plugin);
            }
            throw failed(t, a.clone());
        } finally {
            if (g != null) {
                g.exit();
            }
        }
    }

    /**
     * What a call throws when the method or the handle threw {@code t}. The handle's own casts
     * refuse mismatched arguments with a bare {@code ClassCastException} or
     * {@code NullPointerException}: the check, kept off the fast path, tells whether that was it
     * and explains the mismatch.
     */
    private RuntimeException failed(Throwable t, Object[] args) {
        if (t instanceof ClassCastException || t instanceof IllegalArgumentException || t instanceof NullPointerException) {
            check(args);
        }
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new UndeclaredThrowableException(t, "live function " + describe() + " threw " + t);
    }

    private void check(Object[] args) {
        if (args.length != parameterTypes.size()) {
            throw new IllegalArgumentException("live function " + describe() + " takes " + parameterTypes.size()
                    + " argument" + (parameterTypes.size() == 1 ? "" : "s") + " " + signature() + ", got " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            Class<?> p = parameterTypes.get(i);
            Object arg = args[i];
            if (arg == null ? p.isPrimitive() : !accepts(p, arg.getClass())) {
                throw new IllegalArgumentException("live function " + describe() + " takes " + signature()
                        + ": argument " + (i + 1) + " is " + (arg == null ? "null" : "a " + arg.getClass().getName())
                        + ", the parameter is " + p.getTypeName());
            }
        }
    }

    /** Reference types by instance; primitives by their box, with Java's widening conversions. */
    private static boolean accepts(Class<?> parameter, Class<?> argument) {
        if (!parameter.isPrimitive()) {
            return parameter.isAssignableFrom(argument);
        }
        if (LiveObjectCodec.boxed(parameter) == argument) {
            return true;
        }
        String widening = switch (parameter.getName()) {
            case "short" -> "Byte";
            case "int" -> "Byte Short Character";
            case "long" -> "Byte Short Character Integer";
            case "float" -> "Byte Short Character Integer Long";
            case "double" -> "Byte Short Character Integer Long Float";
            default -> "";
        };
        return argument.getPackageName().equals("java.lang") && List.of(widening.split(" ")).contains(argument.getSimpleName());
    }

    private String signature() {
        return "(" + String.join(", ", parameterTypes.stream().map(Class::getTypeName).toList()) + ")";
    }

    private String describe() {
        return "'" + name + "' (plugin " + plugin + ", " + target + ")";
    }

    @Override
    public String toString() {
        return "live function " + describe();
    }
}
