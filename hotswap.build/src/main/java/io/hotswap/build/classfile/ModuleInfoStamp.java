package io.hotswap.build.classfile;

import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes into {@code module-info.class} what {@code jar --create --module-version} writes: the
 * module version (in the {@code Module} attribute) and the {@code ModulePackages} attribute,
 * which lists every package of the jar so that a reader need not scan the entries. Only those two
 * change; ASM copies the rest of the class file as it reads it.
 */
public final class ModuleInfoStamp {

    private ModuleInfoStamp() {
    }

    /**
     * @param moduleInfo a {@code module-info.class}
     * @param version    the module version to record
     * @param packages   the module's packages, dotted ({@code a.b})
     * @throws IllegalArgumentException if the bytes are not a module-info class file
     */
    public static byte[] stamp(byte[] moduleInfo, String version, Set<String> packages) {
        ClassReader reader = ClassFile.reader(moduleInfo);
        // Given the reader, the writer starts from the class's own constant pool.
        ClassWriter writer = new ClassWriter(reader, 0);
        Stamper stamper = new Stamper(writer, version, new TreeSet<>(packages));
        ClassFile.accept(reader, stamper, 0);
        if (!stamper.module) {
            throw new IllegalArgumentException("no Module attribute: not a module-info class file");
        }
        return writer.toByteArray();
    }

    private static final class Stamper extends ClassVisitor {
        private final String version;
        private final Set<String> packages;
        boolean module;

        Stamper(ClassVisitor next, String version, Set<String> packages) {
            super(Opcodes.ASM9, next);
            this.version = version;
            this.packages = packages;
        }

        @Override
        public ModuleVisitor visitModule(String name, int access, String compiledVersion) {
            module = true;
            return new ModuleVisitor(Opcodes.ASM9, super.visitModule(name, access, version)) {
                @Override
                public void visitPackage(String packaze) {
                    // The packages already recorded (a restamp) give way to the jar's.
                }

                @Override
                public void visitEnd() {
                    for (String p : packages) {
                        super.visitPackage(p.replace('.', '/'));
                    }
                    super.visitEnd();
                }
            };
        }
    }
}
