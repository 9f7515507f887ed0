package io.hotswap.runtime.leak.heap;

import java.io.IOException;

/**
 * One pass over an HPROF file: every record and heap sub-record, handed to a {@link Visitor} as what
 * a search needs (symbols, classes, roots, and each reference between objects as an edge), the rest
 * skipped unread. Field layouts come from the {@link HeapIndex} of an earlier pass; in the first
 * pass, which builds it, no edge is told.
 */
final class HeapWalker {

    // Top-level record tags.
    private static final int UTF8 = 0x01;
    private static final int LOAD_CLASS = 0x02;
    private static final int HEAP_DUMP = 0x0C;
    private static final int HEAP_DUMP_SEGMENT = 0x1C;

    // Heap dump sub-record tags.
    private static final int ROOT_UNKNOWN = 0xFF;
    private static final int ROOT_JNI_GLOBAL = 0x01;
    private static final int ROOT_JNI_LOCAL = 0x02;
    private static final int ROOT_JAVA_FRAME = 0x03;
    private static final int ROOT_NATIVE_STACK = 0x04;
    private static final int ROOT_STICKY_CLASS = 0x05;
    private static final int ROOT_THREAD_BLOCK = 0x06;
    private static final int ROOT_MONITOR_USED = 0x07;
    private static final int ROOT_THREAD_OBJECT = 0x08;
    private static final int CLASS_DUMP = 0x20;
    private static final int INSTANCE_DUMP = 0x21;
    private static final int OBJECT_ARRAY_DUMP = 0x22;
    private static final int PRIMITIVE_ARRAY_DUMP = 0x23;

    /** HPROF's basic type of an object reference. */
    static final int OBJECT = 2;

    /** Edge labels that are not a field name or an array index. */
    static final long CLASS_OF = -1;
    static final long SUPER = -2;
    static final long LOADER = -3;
    static final long CLASS_REF = -4;

    /** An array element's label: below every other. */
    static long index(int i) {
        return -16L - i;
    }

    static int indexOf(long label) {
        return (int) (-16L - label);
    }

    /** What a pass is told. Each method does nothing unless the pass wants it. */
    interface Visitor {
        default void utf8(long id, String text) {
        }

        default void loadClass(long classId, long nameId) {
        }

        default void classDump(HeapIndex.ClassInfo info) {
        }

        default void root(long id, Root kind) {
        }

        /** An instance or an object array, with its class. */
        default void object(long id, long classId) {
        }

        /** {@code from} holds a strong reference to {@code to}. */
        default void edge(long from, long to, long label) {
        }
    }

    /** The kinds of GC roots a dump names, the most telling first: an object that is several is named as the first. */
    enum Root {
        THREAD_OBJECT("live thread"), STICKY_CLASS("system class"), HOST_CLASS("class of the host's loader"),
        JNI_GLOBAL("JNI global"),
        MONITOR_USED("monitor in use"), THREAD_BLOCK("thread block"), NATIVE_STACK("native stack"),
        JNI_LOCAL("JNI local"), JAVA_FRAME("local variable of a thread"), UNKNOWN("unknown root");

        final String what;

        Root(String what) {
            this.what = what;
        }
    }

    private HeapWalker() {
    }

    /**
     * Reads the whole file once.
     *
     * @param index the layouts of an earlier pass, or null in the first pass (no edges then)
     */
    static void walk(HprofInput in, HeapIndex index, Visitor v) throws IOException {
        in.rewind();
        while (!in.atEnd()) {
            int tag = in.u1();
            in.u4(); // time
            long length = in.u4() & 0xFFFF_FFFFL;
            long end = in.offset() + length;
            switch (tag) {
                case UTF8 -> v.utf8(in.id(), in.utf8((int) (length - in.idSize())));
                case LOAD_CLASS -> {
                    in.u4();
                    long classId = in.id();
                    in.u4();
                    v.loadClass(classId, in.id());
                }
                case HEAP_DUMP, HEAP_DUMP_SEGMENT -> {
                    while (in.offset() < end) {
                        subRecord(in, index, v);
                    }
                }
                default -> in.skip(length);
            }
            if (in.offset() != end) {
                throw new IOException("HPROF record 0x" + Integer.toHexString(tag) + " at byte " + (end - length)
                        + " ends at " + in.offset() + ", not at " + end);
            }
        }
    }

    private static void subRecord(HprofInput in, HeapIndex index, Visitor v) throws IOException {
        int tag = in.u1();
        int id = in.idSize();
        switch (tag) {
            case ROOT_UNKNOWN -> v.root(in.id(), Root.UNKNOWN);
            case ROOT_JNI_GLOBAL -> {
                v.root(in.id(), Root.JNI_GLOBAL);
                in.skip(id);
            }
            case ROOT_JNI_LOCAL -> root(in, v, Root.JNI_LOCAL, 8);
            case ROOT_JAVA_FRAME -> root(in, v, Root.JAVA_FRAME, 8);
            case ROOT_NATIVE_STACK -> root(in, v, Root.NATIVE_STACK, 4);
            case ROOT_STICKY_CLASS -> v.root(in.id(), Root.STICKY_CLASS);
            case ROOT_THREAD_BLOCK -> root(in, v, Root.THREAD_BLOCK, 4);
            case ROOT_MONITOR_USED -> v.root(in.id(), Root.MONITOR_USED);
            case ROOT_THREAD_OBJECT -> root(in, v, Root.THREAD_OBJECT, 8);
            case CLASS_DUMP -> classDump(in, index, v);
            case INSTANCE_DUMP -> instance(in, index, v);
            case OBJECT_ARRAY_DUMP -> {
                long array = in.id();
                in.u4();
                int count = in.u4();
                long arrayClass = in.id();
                v.object(array, arrayClass);
                if (index == null) {
                    in.skip((long) count * id);
                } else {
                    v.edge(array, arrayClass, CLASS_OF);
                    for (int i = 0; i < count; i++) {
                        long e = in.id();
                        if (e != 0) {
                            v.edge(array, e, index(i));
                        }
                    }
                }
            }
            case PRIMITIVE_ARRAY_DUMP -> {
                in.id();
                in.u4();
                int count = in.u4();
                in.skip((long) count * size(in.u1(), id));
            }
            default -> throw new IOException("unknown HPROF heap sub-record 0x" + Integer.toHexString(tag)
                    + " at byte " + (in.offset() - 1));
        }
    }

    private static void root(HprofInput in, Visitor v, Root kind, int rest) throws IOException {
        v.root(in.id(), kind);
        in.skip(rest);
    }

    private static void classDump(HprofInput in, HeapIndex index, Visitor v) throws IOException {
        int id = in.idSize();
        long classId = in.id();
        in.u4();
        long superId = in.id();
        long loaderId = in.id();
        long signers = in.id();
        long domain = in.id();
        in.skip(2L * id);
        int instanceSize = in.u4();
        int constants = in.u2();
        for (int i = 0; i < constants; i++) {
            in.u2();
            in.skip(size(in.u1(), id));
        }
        int statics = in.u2();
        long[] staticNames = new long[statics];
        long[] staticValues = new long[statics];
        int refs = 0;
        for (int i = 0; i < statics; i++) {
            long name = in.id();
            int type = in.u1();
            if (type == OBJECT) {
                staticNames[refs] = name;
                staticValues[refs++] = in.id();
            } else {
                in.skip(size(type, id));
            }
        }
        int fields = in.u2();
        long[] fieldNames = new long[fields];
        byte[] fieldTypes = new byte[fields];
        for (int i = 0; i < fields; i++) {
            fieldNames[i] = in.id();
            fieldTypes[i] = (byte) in.u1();
        }
        HeapIndex.ClassInfo info = new HeapIndex.ClassInfo(classId, superId, loaderId, instanceSize,
                java.util.Arrays.copyOf(staticNames, refs), java.util.Arrays.copyOf(staticValues, refs), fieldNames, fieldTypes);
        v.classDump(info);
        if (index != null) {
            edge(v, classId, superId, SUPER);
            edge(v, classId, loaderId, LOADER);
            edge(v, classId, signers, CLASS_REF);
            edge(v, classId, domain, CLASS_REF);
            for (int i = 0; i < info.staticNames().length; i++) {
                edge(v, classId, info.staticValues()[i], info.staticNames()[i]);
            }
        }
    }

    private static void instance(HprofInput in, HeapIndex index, Visitor v) throws IOException {
        long object = in.id();
        in.u4();
        long classId = in.id();
        int length = in.u4();
        v.object(object, classId);
        HeapIndex.Layout layout = index == null ? null : index.layout(classId);
        if (layout == null || !in.window(length)) {
            in.skip(length);
            return;
        }
        v.edge(object, classId, CLASS_OF);
        int[] offsets = layout.offsets();
        long[] names = layout.names();
        for (int i = 0; i < offsets.length; i++) {
            if (offsets[i] + in.idSize() <= length) {
                edge(v, object, in.idAt(offsets[i]), names[i]);
            }
        }
        in.skip(length);
    }

    private static void edge(Visitor v, long from, long to, long label) {
        if (to != 0) {
            v.edge(from, to, label);
        }
    }

    /** The size in bytes of a value of HPROF basic type {@code type}. */
    static int size(int type, int idSize) {
        return switch (type) {
            case OBJECT -> idSize;
            case 4, 8 -> 1;   // boolean, byte
            case 5, 9 -> 2;   // char, short
            case 6, 10 -> 4;  // float, int
            case 7, 11 -> 8;  // double, long
            default -> throw new IllegalArgumentException("unknown HPROF basic type " + type);
        };
    }
}
