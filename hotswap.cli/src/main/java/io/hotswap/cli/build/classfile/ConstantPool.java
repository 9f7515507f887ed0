package io.hotswap.cli.build.classfile;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * The constant pool of one class file, read in place: where each entry starts, and the few
 * lookups this package needs (UTF-8 strings and class names).
 */
final class ConstantPool {

    static final int UTF8 = 1;
    static final int CLASS = 7;
    static final int MODULE = 19;
    static final int PACKAGE = 20;

    private final byte[] bytes;
    private final int[] offsets;
    private final String[] strings;
    /** Where the pool ends: the class's access flags follow. */
    private final int end;

    /** @param bytes a class file; the pool is read from offset 8 */
    ConstantPool(byte[] bytes) {
        this.bytes = bytes;
        if (bytes.length < 10 || u4(bytes, 0) != 0xCAFEBABE) {
            throw new IllegalArgumentException("not a class file (no CAFEBABE magic)");
        }
        int count = u2(bytes, 8);
        offsets = new int[count];
        strings = new String[count];
        int at = 10;
        for (int i = 1; i < count; i++) {
            offsets[i] = at;
            int tag = bytes[at] & 0xFF;
            at += 1 + switch (tag) {
                case UTF8 -> 2 + u2(bytes, at + 1);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> 4; // int, float, refs, name-and-type, dynamic
                case 5, 6 -> 8; // long, double
                case CLASS, 8, 16, MODULE, PACKAGE -> 2; // class, string, method type, module, package
                case 15 -> 3; // method handle
                default -> throw new IllegalArgumentException("unknown constant pool tag " + tag + " at entry " + i);
            };
            if (tag == 5 || tag == 6) {
                i++; // longs and doubles take two entries
            }
        }
        end = at;
    }

    int count() {
        return offsets.length;
    }

    int end() {
        return end;
    }

    int tag(int index) {
        return bytes[offsets[index]] & 0xFF;
    }

    /** The text of a {@code CONSTANT_Utf8} entry. */
    String utf8(int index) {
        String s = strings[index];
        if (s == null) {
            if (index <= 0 || index >= offsets.length || tag(index) != UTF8) {
                throw new IllegalArgumentException("constant pool entry " + index + " is not a UTF-8 string");
            }
            int at = offsets[index];
            try {
                // Modified UTF-8 with its length prefix, exactly what readUTF reads.
                s = new DataInputStream(new ByteArrayInputStream(bytes, at + 1, 2 + u2(bytes, at + 1))).readUTF();
            } catch (IOException e) {
                throw new IllegalArgumentException("constant pool entry " + index + " is malformed UTF-8");
            }
            strings[index] = s;
        }
        return s;
    }

    /** The internal name ({@code a/b/C}) of a {@code CONSTANT_Class} entry. */
    String className(int index) {
        if (index <= 0 || index >= offsets.length || tag(index) != CLASS) {
            throw new IllegalArgumentException("constant pool entry " + index + " is not a class");
        }
        return utf8(u2(bytes, offsets[index] + 1));
    }

    /** The index of the UTF-8 entry equal to {@code text}, or 0. */
    int find(String text) {
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] != 0 && tag(i) == UTF8 && utf8(i).equals(text)) {
                return i;
            }
        }
        return 0;
    }

    static int u2(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    static int u4(byte[] b, int at) {
        return (u2(b, at) << 16) | u2(b, at + 2);
    }
}
