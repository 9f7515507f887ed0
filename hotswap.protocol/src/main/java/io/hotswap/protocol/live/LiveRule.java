package io.hotswap.protocol.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule documented on {@link LiveIndex}, stated once: which methods and classes of a plugin
 * are live, under which names, and which uses of {@code @Live} are mistakes. {@code hotswap build}
 * applies it to the class files it holds in memory, the runtime to a module without an index.
 *
 * @since 0.2
 */
public final class LiveRule {

    private LiveRule() {
    }

    /**
     * The live entries of the classes, in the order of their binary names.
     *
     * @param prefix the live prefix, compared case-insensitively
     * @throws IllegalArgumentException if {@code @Live} marks something that cannot be live (an
     *         instance method, an interface, an abstract or inner class) or a live function is
     *         overloaded; the first such class in name order is named, so every reader of the same
     *         classes reports the same one
     */
    public static List<LiveEntry> entries(Collection<ClassView> classes, String prefix) {
        List<ClassView> sorted = new ArrayList<>(classes);
        sorted.sort(Comparator.comparing(ClassView::binaryName));
        List<LiveEntry> entries = new ArrayList<>();
        for (ClassView c : sorted) {
            if (c.binaryName().endsWith("module-info") || c.binaryName().endsWith("package-info")
                    || c.is(ClassView.Trait.ANONYMOUS)) {
                continue;
            }
            type(c, prefix, entries);
            functions(c, prefix, entries);
        }
        return entries;
    }

    /** True if {@code name} starts with {@code prefix}, ignoring case. */
    public static boolean hasPrefix(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static void type(ClassView c, String prefix, List<LiveEntry> entries) {
        String simple = c.simpleName();
        boolean shaped = !c.is(ClassView.Trait.INTERFACE) && !c.is(ClassView.Trait.ANNOTATION)
                && !c.is(ClassView.Trait.ENUM) && !c.is(ClassView.Trait.ABSTRACT) && !c.is(ClassView.Trait.INNER);
        if (c.live().isPresent()) {
            if (!shaped) {
                throw new IllegalArgumentException("@Live on " + c.binaryName()
                        + ": a live type must be a concrete, top-level or static nested class or record");
            }
            entries.add(new LiveEntry(LiveEntry.Kind.TYPE, liveName(c.live().get(), simple), c.binaryName(), ""));
        } else if (shaped && hasPrefix(simple, prefix)) {
            entries.add(new LiveEntry(LiveEntry.Kind.TYPE, simple, c.binaryName(), ""));
        }
    }

    private static void functions(ClassView c, String prefix, List<LiveEntry> entries) {
        Set<String> seen = new HashSet<>();
        for (ClassView.Method m : c.methods()) {
            if (m.synthetic() || m.live().isEmpty() && !(m.isStatic() && hasPrefix(m.name(), prefix))) {
                continue;
            }
            if (!m.isStatic()) {
                throw new IllegalArgumentException("@Live on " + c.binaryName() + "." + m.name()
                        + ": a live function must be a static method");
            }
            if (!seen.add(m.name())) {
                throw new IllegalArgumentException("live function " + c.binaryName() + "." + m.name()
                        + " is overloaded: a live name stands for exactly one method");
            }
            String name = m.live().map(v -> liveName(v, m.name())).orElse(m.name());
            entries.add(new LiveEntry(LiveEntry.Kind.FUNCTION, name, c.binaryName(), m.name()));
        }
    }

    private static String liveName(String value, String own) {
        return value.isEmpty() ? own : value;
    }
}
