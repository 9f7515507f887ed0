package io.hotswap.cli.build.classfile;

import io.hotswap.protocol.live.LiveEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the live functions and live types of a plugin in its class files' bytes, by the rule
 * documented on {@link io.hotswap.protocol.live.LiveIndex} and with the messages of the runtime's
 * ClassGraph scan ({@code LiveScanner.index}), which needs the classes in a directory: a build holds
 * them in memory, and reading a few attributes of a few classes costs microseconds where a
 * ClassGraph scan costs milliseconds (benchmarks/NOTES.md). {@code LiveNamesTest} checks both
 * give the same index.
 */
public final class LiveNames {

    private LiveNames() {
    }

    /**
     * @param classFiles class files by their entry name ({@code a/b/C.class}); other entries and
     *                   {@code module-info.class} are ignored
     * @throws IllegalArgumentException if {@code @Live} marks something that cannot be live, a live
     *         function is overloaded, or a class file is malformed (the message names it)
     */
    public static List<LiveEntry> scan(Map<String, byte[]> classFiles, String prefix) {
        // By class name, as ClassGraph lists them, so that the first error reported is the same.
        Map<String, ClassShape> classes = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : classFiles.entrySet()) {
            String entry = f.getKey();
            if (!entry.endsWith(".class") || entry.equals("module-info.class")) {
                continue;
            }
            ClassShape c;
            try {
                c = ClassShape.read(f.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(entry + " is not a valid class file: " + e.getMessage(), e);
            }
            // ClassGraph skips a class file whose path does not match its class name.
            if (entry.equals(c.name().replace('.', '/') + ".class")) {
                classes.put(c.name(), c);
            }
        }
        List<LiveEntry> entries = new ArrayList<>();
        for (ClassShape c : classes.values()) {
            if (c.name().endsWith("module-info") || c.name().endsWith("package-info") || c.anonymous()) {
                continue;
            }
            type(c, prefix, entries);
            functions(c, prefix, entries);
        }
        return entries;
    }

    private static void type(ClassShape c, String prefix, List<LiveEntry> entries) {
        String simple = simpleName(c.name());
        boolean shaped = !c.is(ClassShape.INTERFACE) && !c.is(ClassShape.ANNOTATION) && !c.is(ClassShape.ENUM)
                && !c.is(ClassShape.ABSTRACT) && !(c.inner() && !c.is(ClassShape.STATIC));
        if (c.live().isPresent()) {
            if (!shaped) {
                throw new IllegalArgumentException("@Live on " + c.name()
                        + ": a live type must be a concrete, top-level or static nested class or record");
            }
            entries.add(new LiveEntry(LiveEntry.Kind.TYPE, liveName(c.live().get(), simple), c.name(), ""));
        } else if (shaped && hasPrefix(simple, prefix)) {
            entries.add(new LiveEntry(LiveEntry.Kind.TYPE, simple, c.name(), ""));
        }
    }

    private static void functions(ClassShape c, String prefix, List<LiveEntry> entries) {
        Set<String> seen = new HashSet<>();
        for (ClassShape.Method m : c.methods()) {
            if (m.is(ClassShape.SYNTHETIC) || m.is(ClassShape.BRIDGE)) {
                continue;
            }
            boolean isStatic = m.is(ClassShape.STATIC);
            if (m.live().isEmpty() && !(isStatic && hasPrefix(m.name(), prefix))) {
                continue;
            }
            if (!isStatic) {
                throw new IllegalArgumentException("@Live on " + c.name() + "." + m.name()
                        + ": a live function must be a static method");
            }
            if (!seen.add(m.name())) {
                throw new IllegalArgumentException("live function " + c.name() + "." + m.name()
                        + " is overloaded: a live name stands for exactly one method");
            }
            String name = m.live().map(v -> liveName(v, m.name())).orElse(m.name());
            entries.add(new LiveEntry(LiveEntry.Kind.FUNCTION, name, c.name(), m.name()));
        }
    }

    private static String liveName(String value, String own) {
        return value.isEmpty() ? own : value;
    }

    private static boolean hasPrefix(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static String simpleName(String binaryName) {
        String s = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }
}
