package io.hotswap.runtime.live.scan;

import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.MethodInfo;
import io.github.classgraph.ScanResult;
import io.hotswap.api.Live;
import io.hotswap.protocol.live.LiveEntry;
import io.hotswap.protocol.live.LiveIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds live functions and live types with ClassGraph, in a directory of compiled classes (for
 * {@code hotswap build}) or in one module of a plugin layer (for a jar without an index).
 *
 * <p>The rule is the one documented on {@link LiveIndex}.
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

    /** True if {@code name} starts with {@code prefix}, ignoring case. */
    public static boolean hasPrefix(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static ClassGraph base() {
        return new ClassGraph().enableClassInfo().enableMethodInfo().enableAnnotationInfo()
                .ignoreClassVisibility().ignoreMethodVisibility().disableRuntimeInvisibleAnnotations();
    }

    private static List<LiveEntry> entries(List<ClassInfo> classes, String prefix) {
        List<LiveEntry> entries = new ArrayList<>();
        for (ClassInfo c : classes) {
            if (c.getName().endsWith("module-info") || c.getName().endsWith("package-info")
                    || c.isAnonymousInnerClass()) {
                continue;
            }
            type(c, prefix).ifPresent(entries::add);
            functions(c, prefix, entries);
        }
        return entries;
    }

    private static java.util.Optional<LiveEntry> type(ClassInfo c, String prefix) {
        String simple = simpleName(c.getName());
        AnnotationInfo live = c.getAnnotationInfo(LIVE);
        boolean shaped = !c.isInterface() && !c.isAnnotation() && !c.isEnum() && !c.isAbstract()
                && !(c.isInnerClass() && !c.isStatic());
        if (live != null) {
            if (!shaped) {
                throw new IllegalArgumentException("@Live on " + c.getName()
                        + ": a live type must be a concrete, top-level or static nested class or record");
            }
            return java.util.Optional.of(new LiveEntry(LiveEntry.Kind.TYPE, liveName(live, simple), c.getName(), ""));
        }
        if (shaped && hasPrefix(simple, prefix)) {
            return java.util.Optional.of(new LiveEntry(LiveEntry.Kind.TYPE, simple, c.getName(), ""));
        }
        return java.util.Optional.empty();
    }

    private static void functions(ClassInfo c, String prefix, List<LiveEntry> entries) {
        Map<String, MethodInfo> seen = new HashMap<>();
        for (MethodInfo m : c.getDeclaredMethodInfo()) {
            if (m.isSynthetic() || m.isBridge()) {
                continue;
            }
            AnnotationInfo live = m.getAnnotationInfo(LIVE);
            if (live == null && !(m.isStatic() && hasPrefix(m.getName(), prefix))) {
                continue;
            }
            if (!m.isStatic()) {
                throw new IllegalArgumentException("@Live on " + c.getName() + "." + m.getName()
                        + ": a live function must be a static method");
            }
            if (seen.putIfAbsent(m.getName(), m) != null) {
                throw new IllegalArgumentException("live function " + c.getName() + "." + m.getName()
                        + " is overloaded: a live name stands for exactly one method");
            }
            String name = live == null ? m.getName() : liveName(live, m.getName());
            entries.add(new LiveEntry(LiveEntry.Kind.FUNCTION, name, c.getName(), m.getName()));
        }
    }

    private static String liveName(AnnotationInfo live, String own) {
        Object value = live.getParameterValues(true).getValue("value");
        return value == null || value.toString().isEmpty() ? own : value.toString();
    }

    /** The simple name of a binary class name: {@code a.b.Outer$Inner} gives {@code Inner}. */
    public static String simpleName(String binaryName) {
        String s = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }
}
