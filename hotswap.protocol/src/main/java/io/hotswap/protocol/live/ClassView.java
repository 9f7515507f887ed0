package io.hotswap.protocol.live;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the live rule ({@link LiveRule}) needs to know of one class, whoever read it: the build
 * feeds it from class-file bytes, the runtime from a ClassGraph scan of a module. The rule is
 * then written once, over this view, and the two cannot drift apart.
 *
 * @param binaryName the binary name, {@code a.b.Outer$Inner}
 * @param traits     what keeps a class from being a live type, and whether it is anonymous
 * @param live       the value of the visible annotation {@code io.hotswap.api.Live} on the class
 *                   ({@code ""} where none is given), if the class carries it
 * @param methods    the declared methods, constructors and static initialisers left out
 * @since 0.2
 */
public record ClassView(String binaryName, Set<Trait> traits, Optional<String> live, List<Method> methods) {

    /** The facts of a class the rule looks at; a plain concrete top-level class has none. */
    public enum Trait {
        INTERFACE,
        ANNOTATION,
        ENUM,
        ABSTRACT,
        /** Nested in a class or declared in a method, and not static: an instance needs an enclosing one. */
        INNER,
        /** Declared in a method without a name: it has no name to be live under. */
        ANONYMOUS
    }

    /**
     * One declared method.
     *
     * @param name      the method's name
     * @param isStatic  declared {@code static}
     * @param synthetic made by the compiler (synthetic, or a bridge): never live
     * @param live      the value of {@code @Live} on the method ({@code ""} where none is given), if present
     */
    public record Method(String name, boolean isStatic, boolean synthetic, Optional<String> live) {
        public Method {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(live, "live");
        }
    }

    public ClassView {
        Objects.requireNonNull(binaryName, "binaryName");
        Objects.requireNonNull(live, "live");
        traits = Set.copyOf(traits);
        methods = List.copyOf(methods);
    }

    public boolean is(Trait trait) {
        return traits.contains(trait);
    }

    /** The simple name: {@code a.b.Outer$Inner} gives {@code Inner}. */
    public String simpleName() {
        String s = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }
}
