package io.hotswap.build.classfile;

import io.hotswap.protocol.live.ClassView;
import io.hotswap.protocol.live.LiveEntry;
import io.hotswap.protocol.live.LiveRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the live functions and live types of a plugin in its class files' bytes: ASM reads a
 * {@link ClassView} of each, and {@link LiveRule} (the rule documented on
 * {@link io.hotswap.protocol.live.LiveIndex}, which the runtime's ClassGraph scan applies too)
 * decides. A build holds the classes in memory, where ClassGraph wants a directory, and reading a
 * few attributes of a few classes costs microseconds where a ClassGraph scan costs milliseconds
 * (benchmarks/NOTES.md). {@code LiveNamesTest} checks both give the same index.
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
        List<ClassView> classes = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : classFiles.entrySet()) {
            String entry = f.getKey();
            if (!entry.endsWith(".class") || entry.equals("module-info.class")) {
                continue;
            }
            ClassView c;
            try {
                c = ClassViewReader.read(f.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(entry + " is not a valid class file: " + e.getMessage(), e);
            }
            // ClassGraph skips a class file whose path does not match its class name.
            if (entry.equals(c.binaryName().replace('.', '/') + ".class")) {
                classes.add(c);
            }
        }
        return LiveRule.entries(classes, prefix);
    }
}
