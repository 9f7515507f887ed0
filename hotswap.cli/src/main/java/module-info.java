/**
 * The {@code hotswap} command: {@code build} compiles a plugin into a modular jar with its live
 * index and version stamp; {@code reload}, {@code status} and {@code hosts} talk to running hosts
 * through their management endpoints, in the protocol of {@code io.hotswap.protocol}. It does not
 * read the runtime.
 */
module io.hotswap.cli {
    requires io.hotswap.protocol;
    // What 'hotswap build' compiles plugins against: it hands this module's jar to javac.
    requires io.hotswap.api;
    requires info.picocli;
    // The class files of a build: their shapes for the live rule, the version stamp in module-info.
    requires org.objectweb.asm;
    // javax.tools only: the compiler behind it (jdk.compiler) is bound as a service, so that on a
    // runtime without it 'hotswap build' says so; the image adds it (jlink/pom.xml).
    requires java.compiler;

    // picocli fills the annotated fields of the commands reflectively.
    opens io.hotswap.cli to info.picocli;
    opens io.hotswap.cli.build to info.picocli;
    opens io.hotswap.cli.command to info.picocli;
    opens io.hotswap.cli.remote to info.picocli;
}
