package io.hotswap.build.classfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stamp against what {@code jar --create --module-version} writes into module-info.class. */
class ModuleInfoStampTest {

    @TempDir
    Path dir;

    @Test
    void theStampedDescriptorEqualsTheOneTheJarToolWrites() throws Exception {
        Path classes = compileModule();
        byte[] compiled = Files.readAllBytes(classes.resolve("module-info.class"));

        byte[] stamped = ModuleInfoStamp.stamp(compiled, "20261125.120000+git.0123456789ab", Set.of("m.api", "m.impl", "conf"));

        ModuleDescriptor ours = ModuleDescriptor.read(ByteBuffer.wrap(stamped));
        ModuleDescriptor jarTools = jarToolDescriptor(classes, "20261125.120000+git.0123456789ab");
        assertThat(ours).isEqualTo(jarTools);
        assertThat(ours.rawVersion()).contains("20261125.120000+git.0123456789ab");
        assertThat(ours.packages()).containsExactlyInAnyOrder("m.api", "m.impl", "conf");
        assertThat(ours.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("m.api");
        assertThat(ours.provides()).hasSize(1);
    }

    @Test
    void restampingReplacesTheVersionAndThePackagesAndKeepsOneOfEach() throws Exception {
        Path classes = compileModule();
        byte[] once = ModuleInfoStamp.stamp(Files.readAllBytes(classes.resolve("module-info.class")), "1.0", Set.of("m.api", "m.impl", "old"));

        byte[] twice = ModuleInfoStamp.stamp(once, "2.0", Set.of("m.api", "m.impl"));

        // The JDK's reader rejects a class file with two attributes of one name.
        ModuleDescriptor d = ModuleDescriptor.read(ByteBuffer.wrap(twice));
        assertThat(d.rawVersion()).contains("2.0");
        assertThat(d.packages()).containsExactlyInAnyOrder("m.api", "m.impl");
    }

    @Test
    void aClassThatIsNotAModuleDescriptorIsRejected() throws Exception {
        compileModule();
        byte[] plain = Files.readAllBytes(dir.resolve("classes/m/impl/Impl.class"));

        assertThatThrownBy(() -> ModuleInfoStamp.stamp(plain, "1.0", Set.of("m.impl")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Module attribute");
        assertThatThrownBy(() -> ModuleInfoStamp.stamp(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 5},
                "1.0", Set.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    }

    private Path compileModule() throws IOException {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), """
                module m {
                    requires java.logging;
                    requires transitive java.sql;
                    exports m.api;
                    opens m.impl to java.logging;
                    uses java.lang.Runnable;
                    provides m.api.Service with m.impl.Impl;
                }
                """);
        write(src.resolve("m/api/Service.java"), "package m.api; public interface Service { }");
        write(src.resolve("m/impl/Impl.java"), "package m.impl; public class Impl implements m.api.Service { }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d", classes.toString(),
                src.resolve("module-info.java").toString(), src.resolve("m/api/Service.java").toString(),
                src.resolve("m/impl/Impl.java").toString());
        assertThat(rc).isZero();
        write(classes.resolve("conf/app.properties"), "a=1");
        return classes;
    }

    private ModuleDescriptor jarToolDescriptor(Path classes, String version) throws IOException {
        Path jar = dir.resolve("reference.jar");
        StringWriter out = new StringWriter();
        int rc = java.util.spi.ToolProvider.findFirst("jar").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
                "--create", "--file", jar.toString(), "--module-version", version, "-C", classes.toString(), ".");
        assertThat(rc).as(out.toString()).isZero();
        try (JarFile f = new JarFile(jar.toFile())) {
            return ModuleDescriptor.read(f.getInputStream(f.getEntry("module-info.class")));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
