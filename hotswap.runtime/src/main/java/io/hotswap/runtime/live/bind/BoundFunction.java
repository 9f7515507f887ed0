package io.hotswap.runtime.live.bind;

import io.hotswap.api.LiveFunction;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;

/**
 * A live function bound once per generation: one spreading {@link MethodHandle}, invoked
 * exactly, after the arguments were checked so that a mismatch gets a message, not a
 * {@code ClassCastException}.
 */
final class BoundFunction implements LiveFunction {

    private final String name;
    private final String plugin;
    private final String target;
    private final List<Class<?>> parameterTypes;
    private final Class<?> returnType;
    // (Object[])Object, spreading into the method's own parameters.
    private final MethodHandle invoker;
    // The functions of the vault this one belongs to: their hold is the generation's.
    private final BoundFunctions owner;

    BoundFunction(String name, String plugin, Method method, MethodHandle handle) {
        this(name, plugin, method.getDeclaringClass().getName() + "." + method.getName(),
                List.of(method.getParameterTypes()), method.getReturnType(),
                handle.asFixedArity()
                        .asSpreader(Object[].class, method.getParameterCount())
                        .asType(MethodType.methodType(Object.class, Object[].class)),
                null);
    }

    private BoundFunction(String name, String plugin, String target, List<Class<?>> parameterTypes,
                          Class<?> returnType, MethodHandle invoker, BoundFunctions owner) {
        this.name = name;
        this.plugin = plugin;
        this.target = target;
        this.parameterTypes = parameterTypes;
        this.returnType = returnType;
        this.invoker = invoker;
        this.owner = owner;
    }

    /** The same function, its calls holding the generation of {@code owner}'s vault. */
    BoundFunction heldBy(BoundFunctions owner) {
        return new BoundFunction(name, plugin, target, parameterTypes, returnType, invoker, owner);
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

    @Override
    public Object call(Object... args) {
        Object[] a = args == null ? new Object[] {null} : args;
        check(a);
        GenerationHold hold = owner == null ? GenerationHold.NONE : owner.hold();
        hold.enter();
        try {
            return (Object) invoker.invokeExact(a);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new UndeclaredThrowableException(t, "live function " + describe() + " threw " + t);
        } finally {
            hold.exit();
        }
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
