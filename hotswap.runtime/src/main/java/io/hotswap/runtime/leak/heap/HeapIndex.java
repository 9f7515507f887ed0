package io.hotswap.runtime.leak.heap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the first pass over a dump learns and every later pass needs: symbol names, class names,
 * each class's fields, and the GC roots. Its size follows the number of classes and symbols, not
 * of objects.
 */
final class HeapIndex {

    /**
     * One class as its dump describes it.
     *
     * @param staticNames  the symbols naming its static reference fields
     * @param staticValues what they hold
     * @param fieldNames   the symbols naming its own instance fields, in dump order
     * @param fieldTypes   their HPROF basic types
     */
    record ClassInfo(long id, long superId, long loaderId, int instanceSize, long[] staticNames, long[] staticValues,
                     long[] fieldNames, byte[] fieldTypes) {
    }

    /** Where an instance of a class holds references: byte offsets into its field values, and the fields' names. */
    record Layout(int[] offsets, long[] names) {
    }

    private final int idSize;
    private final Map<Long, String> symbols = new HashMap<>();
    private final Map<Long, Long> classNameIds = new HashMap<>();
    private final Map<Long, ClassInfo> classes = new HashMap<>();
    private final Map<Long, Layout> layouts = new HashMap<>();
    private final Map<Long, HeapWalker.Root> roots = new HashMap<>();
    // Classes of this loader count as roots: see hostLoader.
    private long hostLoader;

    private HeapIndex(int idSize) {
        this.idSize = idSize;
    }

    /** The first pass. */
    static HeapIndex read(HprofInput in) throws IOException {
        HeapIndex index = new HeapIndex(in.idSize());
        HeapWalker.walk(in, null, new HeapWalker.Visitor() {
            @Override
            public void utf8(long id, String text) {
                index.symbols.put(id, text);
            }

            @Override
            public void loadClass(long classId, long nameId) {
                index.classNameIds.put(classId, nameId);
            }

            @Override
            public void classDump(ClassInfo info) {
                index.classes.put(info.id(), info);
            }

            @Override
            public void root(long id, HeapWalker.Root kind) {
                index.roots.merge(id, kind, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        return index;
    }

    /**
     * Counts the classes of {@code loader} as GC roots. It is the runtime's own loader, which lives
     * as long as the host: how the class holding a static field is reachable says nothing, and
     * stopping there spares the passes up to the JVM's own roots.
     */
    void hostLoader(long loader) {
        this.hostLoader = loader;
    }

    /** The GC root {@code id} is, if it is one. */
    HeapWalker.Root root(long id) {
        HeapWalker.Root root = roots.get(id);
        if (root == null && hostLoader != 0) {
            ClassInfo c = classes.get(id);
            if (c != null && c.loaderId() == hostLoader) {
                return HeapWalker.Root.HOST_CLASS;
            }
        }
        return root;
    }

    boolean isClass(long id) {
        return classes.containsKey(id);
    }

    ClassInfo classInfo(long id) {
        return classes.get(id);
    }

    /** A class's name as Java writes it ({@code java.util.ArrayList}, {@code java.lang.Object[]}), or its id if the dump has none. */
    String className(long classId) {
        Long nameId = classNameIds.get(classId);
        String raw = nameId == null ? null : symbols.get(nameId);
        return raw == null ? "class@0x" + Long.toHexString(classId) : javaName(raw.replace('/', '.'));
    }

    /** The class named so in the dump ({@code io.hotswap.runtime.leak.heap.HeapMarker}), or 0. */
    long classNamed(String name) {
        String raw = name.replace('.', '/');
        for (Map.Entry<Long, Long> e : classNameIds.entrySet()) {
            if (raw.equals(symbols.get(e.getValue()))) {
                return e.getKey();
            }
        }
        return 0;
    }

    String symbol(long id) {
        String s = symbols.get(id);
        return s == null ? "?" : s;
    }

    /** Where instances of {@code classId} hold references, their superclasses' fields included; null for an unknown class. */
    Layout layout(long classId) {
        Layout l = layouts.get(classId);
        if (l == null && classes.containsKey(classId)) {
            l = computeLayout(classId);
            layouts.put(classId, l);
        }
        return l;
    }

    private Layout computeLayout(long classId) {
        List<Integer> offsets = new ArrayList<>();
        List<Long> names = new ArrayList<>();
        int offset = 0;
        // An instance holds its own class's fields first, then its superclass's, and so on up.
        for (ClassInfo c = classes.get(classId); c != null; c = classes.get(c.superId())) {
            boolean reference = "java.lang.ref.Reference".equals(className(c.id()));
            for (int i = 0; i < c.fieldNames().length; i++) {
                int type = c.fieldTypes()[i];
                // A Reference's referent is what a weak, soft or phantom reference does not hold.
                if (type == HeapWalker.OBJECT && !(reference && "referent".equals(symbol(c.fieldNames()[i])))) {
                    offsets.add(offset);
                    names.add(c.fieldNames()[i]);
                }
                offset += HeapWalker.size(type, idSize);
            }
        }
        return new Layout(offsets.stream().mapToInt(Integer::intValue).toArray(),
                names.stream().mapToLong(Long::longValue).toArray());
    }

    /** {@code [Ljava.lang.Object;} as {@code java.lang.Object[]}, {@code [I} as {@code int[]}. */
    private static String javaName(String name) {
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return name;
        }
        String element = switch (name.charAt(dims)) {
            case 'L' -> name.substring(dims + 1, name.length() - 1);
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            default -> name.substring(dims);
        };
        return element + "[]".repeat(dims);
    }
}
