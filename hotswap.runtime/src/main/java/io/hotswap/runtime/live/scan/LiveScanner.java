package io.hotswap.runtime.live.scan;

import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.MethodInfo;
import io.github.classgraph.ScanResult;
import io.hotswap.api.Live;
import io.hotswap.protocol.live.ClassView;
import io.hotswap.protocol.live.LiveEntry;
import io.hotswap.protocol.live.LiveIndex;
import io.hotswap.protocol.live.LiveRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds live functions and live types with ClassGraph, in a directory of compiled classes (for
 * {@code hotswap build}) or in one module of a plugin layer (for a jar without an index).
 *
 * <p>The rule is the one documented on {@link LiveIndex}, applied by {@link LiveRule} to a
 * {@link ClassView} of each class, as {@code hotswap build} applies it to the class files it holds.
 */
public final class LiveScanner {

    private static final String LIVE = Live.class.getName();

    private LiveScanner() {
    }

    /**
     * The live index of compiled classes, as {@code hotswap build} would write it.
     *
     * @param classesDir a directory of {@code .class} files, {@code module-info.class} included
     * @param prefix     the live prefix
     * @throws IllegalArgumentException if a live name occurs twice within a kind, a live function
     *         is overloaded, or {@code @Live} marks something that cannot be live (an instance
     *         method, an interface, an abstract class)
     */
    public static LiveIndex index(Path classesDir, String prefix) {
        java.util.Objects.requireNonNull(classesDir, "classesDir");
        return new LiveIndex(prefix, scanDirectory(classesDir, prefix));
    }

    /** Scans a directory of {@code .class} files. */
    public static List<LiveEntry> scanDirectory(Path classesDir, String prefix) {
        ClassGraph graph = base().overrideClasspath(classesDir.toString());
        try (ScanResult result = graph.scan()) {
            return entries(result.getAllClasses(), prefix);
        }
    }

    /**
     * Scans one module of a plugin layer, through the layer's module reader: the classes scanned
     * are the bytes the layer was defined from, whatever has since happened to the jar file.
     */
    public static List<LiveEntry> scanModule(ModuleLayer layer, String module, String prefix) {
        ClassGraph graph = base().overrideModuleLayers(layer).ignoreParentModuleLayers().acceptModules(module);
        try (ScanResult result = graph.scan()) {
            List<ClassInfo> own = result.getAllClasses().stream()
                    .filter(c -> c.getModuleInfo() != null && module.equals(c.getModuleInfo().getName()))
                    .toList();
            return entries(own, prefix);
        }
    }

    private static ClassGraph base() {
        return new ClassGraph().enableClassInfo().enableMethodInfo().enableAnnotationInfo()
                .ignoreClassVisibility().ignoreMethodVisibility().disableRuntimeInvisibleAnnotations();
    }

    private static List<LiveEntry> entries(List<ClassInfo> classes, String prefix) {
        return LiveRule.entries(classes.stream().map(LiveScanner::view).toList(), prefix);
    }

    /** What the live rule needs of a class, as ClassGraph read it. */
    private static ClassView view(ClassInfo c) {
        Set<ClassView.Trait> traits = EnumSet.noneOf(ClassView.Trait.class);
        if (c.isInterface()) {
            traits.add(ClassView.Trait.INTERFACE);
        }
        if (c.isAnnotation()) {
            traits.add(ClassView.Trait.ANNOTATION);
        }
        if (c.isEnum()) {
            traits.add(ClassView.Trait.ENUM);
        }
        if (c.isAbstract()) {
            traits.add(ClassView.Trait.ABSTRACT);
        }
        if (c.isInnerClass() && !c.isStatic()) {
            traits.add(ClassView.Trait.INNER);
        }
        if (c.isAnonymousInnerClass()) {
            traits.add(ClassView.Trait.ANONYMOUS);
        }
        List<ClassView.Method> methods = new ArrayList<>();
        for (MethodInfo m : c.getDeclaredMethodInfo()) {
            methods.add(new ClassView.Method(m.getName(), m.isStatic(), m.isSynthetic() || m.isBridge(),
                    live(m.getAnnotationInfo(LIVE))));
        }
        return new ClassView(c.getName(), traits, live(c.getAnnotationInfo(LIVE)), methods);
    }

    private static Optional<String> live(AnnotationInfo live) {
        if (live == null) {
            return Optional.empty();
        }
        Object value = live.getParameterValues(true).getValue("value");
        return Optional.of(value == null ? "" : value.toString());
    }
}
