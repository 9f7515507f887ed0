package io.hotswap.cli.build.classfile;

import static io.hotswap.cli.build.classfile.ConstantPool.u2;
import static io.hotswap.cli.build.classfile.ConstantPool.u4;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes into {@code module-info.class} what {@code jar --create --module-version} writes: the
 * module version (in the {@code Module} attribute) and the {@code ModulePackages} attribute,
 * which lists every package of the jar so that a reader need not scan the entries. Only those two
 * change; every other byte of the class file is copied. New constants are appended to the pool.
 */
public final class ModuleInfoStamp {

    private static final String MODULE = "Module";
    private static final String MODULE_PACKAGES = "ModulePackages";

    private ModuleInfoStamp() {
    }

    /**
     * @param moduleInfo a {@code module-info.class}
     * @param version    the module version to record
     * @param packages   the module's packages, dotted ({@code a.b})
     * @throws IllegalArgumentException if the bytes are not a module-info class file
     */
    public static byte[] stamp(byte[] moduleInfo, String version, Set<String> packages) {
        try {
            return write(moduleInfo, version, new TreeSet<>(packages));
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated class file", e);
        }
    }

    private static byte[] write(byte[] in, String version, Set<String> packages) {
        ConstantPool pool = new ConstantPool(in);
        int count = pool.count();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(in.length + 64 + 32 * packages.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            // Constants appended: the version, the attribute's name if missing, one package each.
            int versionIndex = count;
            int packagesName = pool.find(MODULE_PACKAGES);
            int added = 1 + (packagesName == 0 ? 1 : 0) + 2 * packages.size();
            if (count + added > 0xFFFF) {
                throw new IllegalArgumentException("constant pool would overflow");
            }
            out.write(in, 0, 8);
            out.writeShort(count + added);
            out.write(in, 10, pool.end() - 10);
            int next = count;
            out.writeByte(ConstantPool.UTF8);
            out.writeUTF(version);
            next++;
            if (packagesName == 0) {
                packagesName = next++;
                out.writeByte(ConstantPool.UTF8);
                out.writeUTF(MODULE_PACKAGES);
            }
            int[] packageIndexes = new int[packages.size()];
            int p = 0;
            for (String pn : packages) {
                out.writeByte(ConstantPool.UTF8);
                out.writeUTF(pn.replace('.', '/'));
                out.writeByte(ConstantPool.PACKAGE);
                out.writeShort(next);
                packageIndexes[p++] = next + 1;
                next += 2;
            }

            // access flags, this and super class, interfaces, fields, methods: copied as they are
            int at = pool.end() + 6;
            at += 2 + 2 * u2(in, at);
            for (int members = 0; members < 2; members++) {
                int n = u2(in, at);
                at += 2;
                for (int i = 0; i < n; i++) {
                    at += 6;
                    at = skipAttributes(in, at);
                }
            }
            out.write(in, pool.end(), at - pool.end());

            int attributes = u2(in, at);
            at += 2;
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            int keptCount = 0;
            boolean module = false;
            for (int a = 0; a < attributes; a++) {
                String name = pool.utf8(u2(in, at));
                int length = u4(in, at + 2);
                int end = at + 6 + length;
                if (name.equals(MODULE)) {
                    // module_name_index, module_flags, then module_version_index
                    kept.write(in, at, 10);
                    kept.write(versionIndex >> 8);
                    kept.write(versionIndex);
                    kept.write(in, at + 12, end - at - 12);
                    module = true;
                    keptCount++;
                } else if (!name.equals(MODULE_PACKAGES)) {
                    kept.write(in, at, end - at);
                    keptCount++;
                }
                at = end;
            }
            if (!module) {
                throw new IllegalArgumentException("no Module attribute: not a module-info class file");
            }
            out.writeShort(keptCount + 1);
            kept.writeTo(out);
            out.writeShort(packagesName);
            out.writeInt(2 + 2 * packageIndexes.length);
            out.writeShort(packageIndexes.length);
            for (int index : packageIndexes) {
                out.writeShort(index);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    private static int skipAttributes(byte[] in, int at) {
        int n = u2(in, at);
        at += 2;
        for (int i = 0; i < n; i++) {
            at += 6 + u4(in, at + 2);
        }
        return at;
    }
}
