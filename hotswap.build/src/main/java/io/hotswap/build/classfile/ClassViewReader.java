package io.hotswap.build.classfile;

import io.hotswap.protocol.live.ClassView;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads the {@link ClassView} of one class file with ASM, the way ClassGraph reads it for the
 * runtime's scan: the class's modifiers with those of its own {@code InnerClasses} entry merged
 * in (where javac records {@code static} and {@code abstract} of a nested class), nested or local
 * when that entry names an outer class or there is an {@code EnclosingMethod} attribute, and only
 * visible annotations.
 */
final class ClassViewReader extends ClassVisitor {

    private static final String LIVE = "Lio/hotswap/api/Live;";

    private String internalName;
    private int modifiers;
    private boolean nested;
    private boolean noSimpleName;
    private boolean enclosingMethod;
    private Optional<String> live = Optional.empty();
    private final List<ClassView.Method> methods = new ArrayList<>();

    private ClassViewReader() {
        super(Opcodes.ASM9);
    }

    /** @throws IllegalArgumentException if the bytes are not a well-formed class file */
    static ClassView read(byte[] bytes) {
        ClassViewReader r = new ClassViewReader();
        // Only the class, its methods' flags and the annotations: no code, no debug information.
        ClassFile.accept(ClassFile.reader(bytes), r, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return r.view();
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        internalName = name;
        modifiers = access;
    }

    @Override
    public void visitOuterClass(String owner, String name, String descriptor) {
        enclosingMethod = true;
    }

    @Override
    public void visitInnerClass(String name, String outerName, String innerName, int access) {
        if (name.equals(internalName)) {
            modifiers |= access;
            nested |= outerName != null;
            noSimpleName |= innerName == null;
        }
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return visible && descriptor.equals(LIVE) ? new LiveValue(v -> live = Optional.of(v)) : null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        if (name.equals("<init>") || name.equals("<clinit>")) {
            return null;
        }
        return new MethodVisitor(Opcodes.ASM9) {
            private Optional<String> methodLive = Optional.empty();

            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return visible && annotation.equals(LIVE) ? new LiveValue(v -> methodLive = Optional.of(v)) : null;
            }

            @Override
            public void visitEnd() {
                methods.add(new ClassView.Method(name, is(access, Opcodes.ACC_STATIC),
                        is(access, Opcodes.ACC_SYNTHETIC) || is(access, Opcodes.ACC_BRIDGE), methodLive));
            }
        };
    }

    private ClassView view() {
        Set<ClassView.Trait> traits = EnumSet.noneOf(ClassView.Trait.class);
        boolean annotation = is(modifiers, Opcodes.ACC_ANNOTATION);
        if (is(modifiers, Opcodes.ACC_INTERFACE) && !annotation) {
            traits.add(ClassView.Trait.INTERFACE);
        }
        if (annotation) {
            traits.add(ClassView.Trait.ANNOTATION);
        }
        if (is(modifiers, Opcodes.ACC_ENUM)) {
            traits.add(ClassView.Trait.ENUM);
        }
        if (is(modifiers, Opcodes.ACC_ABSTRACT)) {
            traits.add(ClassView.Trait.ABSTRACT);
        }
        if ((nested || enclosingMethod) && !is(modifiers, Opcodes.ACC_STATIC)) {
            traits.add(ClassView.Trait.INNER);
        }
        if (enclosingMethod && noSimpleName) {
            traits.add(ClassView.Trait.ANONYMOUS);
        }
        return new ClassView(internalName.replace('/', '.'), traits, live, methods);
    }

    private static boolean is(int access, int flag) {
        return (access & flag) != 0;
    }

    /** The {@code value} of one {@code @Live}, {@code ""} where none is given, handed on at its end. */
    private static final class LiveValue extends AnnotationVisitor {
        private final Consumer<String> found;
        private String value = "";

        LiveValue(Consumer<String> found) {
            super(Opcodes.ASM9);
            this.found = found;
        }

        @Override
        public void visit(String name, Object v) {
            if (name.equals("value") && v instanceof String s) {
                value = s;
            }
        }

        @Override
        public void visitEnd() {
            found.accept(value);
        }
    }
}
