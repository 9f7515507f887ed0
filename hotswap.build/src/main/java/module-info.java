/**
 * The plugin build as a library: {@link io.hotswap.build.PluginBuild} takes a
 * {@link io.hotswap.build.BuildRequest} and writes {@code <module>.jar} (live index, version stamp,
 * nested libraries) atomically. {@code hotswap build}, the Maven plugin and the test kit are thin
 * callers of it; {@code io.hotswap.build.classfile} reads class files (the live rule's view of a
 * class, the module version stamp) with ASM.
 */
module io.hotswap.build {
    requires transitive io.hotswap.protocol;
    // The API's jar is what plugins compile against (on javac's module path).
    requires io.hotswap.api;
    requires org.objectweb.asm;
    // javax.tools only: the compiler behind it (jdk.compiler) is bound as a service, so that on a
    // runtime without it a build says so; the image adds it (jlink/pom.xml).
    requires transitive java.compiler;

    exports io.hotswap.build;
    exports io.hotswap.build.classfile;
}
