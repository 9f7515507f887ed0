package io.hotswap.build.classfile;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;

/**
 * Opens class-file bytes with ASM, turning what ASM throws on bad input into
 * {@link IllegalArgumentException}s with a readable message: ASM checks neither the magic number
 * nor the bounds of what it reads, so a text file or a cut-off class file would otherwise surface
 * as an {@code ArrayIndexOutOfBoundsException}.
 */
final class ClassFile {

    private static final int MAGIC = 0xCAFEBABE;

    private ClassFile() {
    }

    /** @throws IllegalArgumentException if the bytes are not a class file ASM can read */
    static ClassReader reader(byte[] bytes) {
        if (bytes.length < 10 || ((bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8
                | (bytes[3] & 0xFF)) != MAGIC) {
            throw new IllegalArgumentException("not a class file (no CAFEBABE magic)");
        }
        try {
            return new ClassReader(bytes);
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated class file", e);
        }
    }

    /** {@link ClassReader#accept}, failing as {@link #reader} does. */
    static void accept(ClassReader reader, ClassVisitor visitor, int parsingOptions) {
        try {
            reader.accept(visitor, parsingOptions);
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated class file", e);
        }
    }
}
