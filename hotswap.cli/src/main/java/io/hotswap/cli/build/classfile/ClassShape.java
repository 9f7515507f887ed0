package io.hotswap.cli.build.classfile;

import static io.hotswap.cli.build.classfile.ConstantPool.u2;
import static io.hotswap.cli.build.classfile.ConstantPool.u4;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the live rule needs of one class file, read the way ClassGraph reads it (the runtime's
 * {@code LiveScanner}): the class's modifiers with those of its own {@code InnerClasses} entry
 * merged in, whether it is nested or anonymous, its methods, and the visible annotation
 * {@code @Live} with its value.
 *
 * @param name      the binary name, {@code a.b.Outer$Inner}
 * @param modifiers access flags of the class and of its own {@code InnerClasses} entry, or-ed
 * @param inner     nested in a class or method ({@code InnerClasses} names an outer class, or
 *                  there is an {@code EnclosingMethod} attribute)
 * @param anonymous declared in a method without a simple name
 * @param live      the value of {@code @Live} on the class ({@code ""} for none given), if present
 * @param methods   in class-file order, constructors and static initialisers left out
 */
record ClassShape(String name, int modifiers, boolean inner, boolean anonymous, Optional<String> live,
                  List<Method> methods) {

    static final int STATIC = 0x0008;
    static final int BRIDGE = 0x0040;
    static final int INTERFACE = 0x0200;
    static final int ABSTRACT = 0x0400;
    static final int SYNTHETIC = 0x1000;
    static final int ANNOTATION = 0x2000;
    static final int ENUM = 0x4000;

    private static final String LIVE = "Lio/hotswap/api/Live;";

    /**
     * @param modifiers the method's access flags
     * @param live      the value of {@code @Live} on the method, if present
     */
    record Method(String name, int modifiers, Optional<String> live) {
        boolean is(int flag) {
            return (modifiers & flag) != 0;
        }
    }

    ClassShape {
        methods = List.copyOf(methods);
    }

    boolean is(int flag) {
        return (modifiers & flag) != 0;
    }

    /**
     * @throws IllegalArgumentException if the bytes are not a well-formed class file
     */
    static ClassShape read(byte[] bytes) {
        try {
            return new Reader(bytes).read();
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated class file", e);
        }
    }

    /** One pass over the class file, from the end of the constant pool. */
    private static final class Reader {
        private final byte[] b;
        private final ConstantPool pool;
        private int at;

        Reader(byte[] bytes) {
            this.b = bytes;
            this.pool = new ConstantPool(bytes);
            this.at = pool.end();
        }

        ClassShape read() {
            int modifiers = u2(b, at);
            String internal = pool.className(u2(b, at + 2));
            at += 6; // access flags, this class, super class
            at += 2 + 2 * u2(b, at); // interfaces
            int fields = u2(b, at);
            at += 2;
            for (int i = 0; i < fields; i++) {
                at += 6;
                skipAttributes();
            }
            List<Method> methods = new ArrayList<>();
            int count = u2(b, at);
            at += 2;
            for (int i = 0; i < count; i++) {
                int flags = u2(b, at);
                String name = pool.utf8(u2(b, at + 2));
                at += 6;
                Optional<String> live = Optional.empty();
                int attributes = u2(b, at);
                at += 2;
                for (int a = 0; a < attributes; a++) {
                    String attribute = pool.utf8(u2(b, at));
                    int length = u4(b, at + 2);
                    if (attribute.equals("RuntimeVisibleAnnotations")) {
                        live = live(at + 6);
                    }
                    at += 6 + length;
                }
                if (!name.equals("<init>") && !name.equals("<clinit>")) {
                    methods.add(new Method(name, flags, live));
                }
            }
            boolean inner = false;
            boolean noSimpleName = false;
            boolean enclosingMethod = false;
            Optional<String> live = Optional.empty();
            int attributes = u2(b, at);
            at += 2;
            for (int a = 0; a < attributes; a++) {
                String attribute = pool.utf8(u2(b, at));
                int length = u4(b, at + 2);
                int body = at + 6;
                switch (attribute) {
                    case "RuntimeVisibleAnnotations" -> live = live(body);
                    case "EnclosingMethod" -> enclosingMethod = true;
                    case "InnerClasses" -> {
                        int n = u2(b, body);
                        for (int i = 0, e = body + 2; i < n; i++, e += 8) {
                            int innerIndex = u2(b, e);
                            if (innerIndex != 0 && pool.className(innerIndex).equals(internal)) {
                                modifiers |= u2(b, e + 6);
                                inner |= u2(b, e + 2) != 0;
                                noSimpleName |= u2(b, e + 4) == 0;
                            }
                        }
                    }
                    default -> {
                    }
                }
                at = body + length;
            }
            return new ClassShape(internal.replace('/', '.'), modifiers, inner || enclosingMethod,
                    enclosingMethod && noSimpleName, live, methods);
        }

        private void skipAttributes() {
            int n = u2(b, at);
            at += 2;
            for (int i = 0; i < n; i++) {
                at += 6 + u4(b, at + 2);
            }
        }

        /** Finds {@code @Live} in a RuntimeVisibleAnnotations body; its value, "" if none given. */
        private Optional<String> live(int body) {
            int n = u2(b, body);
            int p = body + 2;
            Optional<String> found = Optional.empty();
            for (int i = 0; i < n; i++) {
                String type = pool.utf8(u2(b, p));
                int pairs = u2(b, p + 2);
                p += 4;
                String value = "";
                for (int j = 0; j < pairs; j++) {
                    String element = pool.utf8(u2(b, p));
                    if (type.equals(LIVE) && element.equals("value") && b[p + 2] == 's') {
                        value = pool.utf8(u2(b, p + 3));
                    }
                    p = skipElementValue(p + 2);
                }
                if (type.equals(LIVE)) {
                    found = Optional.of(value);
                }
            }
            return found;
        }

        /** @return where the element value starting at {@code p} ends */
        private int skipElementValue(int p) {
            int tag = b[p];
            return switch (tag) {
                case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> p + 3;
                case 'e' -> p + 5;
                case '@' -> skipAnnotation(p + 1);
                case '[' -> {
                    int n = u2(b, p + 1);
                    int q = p + 3;
                    for (int i = 0; i < n; i++) {
                        q = skipElementValue(q);
                    }
                    yield q;
                }
                default -> throw new IllegalArgumentException("unknown annotation element tag '" + (char) tag + "'");
            };
        }

        private int skipAnnotation(int p) {
            int pairs = u2(b, p + 2);
            int q = p + 4;
            for (int i = 0; i < pairs; i++) {
                q = skipElementValue(q + 2);
            }
            return q;
        }
    }
}
