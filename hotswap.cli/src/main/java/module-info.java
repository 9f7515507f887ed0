/**
 * The {@code hotswap} command: {@code build} compiles a plugin into a modular jar with its live
 * index and version stamp; {@code reload}, {@code status} and {@code hosts} talk to running hosts
 * through their management endpoints.
 */
module io.hotswap.cli {
    requires io.hotswap.runtime;
    requires info.picocli;
    requires java.compiler;
    // The implementations behind javax.tools and the jar tool: required so that a jlink image of
    // the command carries them.
    requires jdk.compiler;
    requires jdk.jartool;

    // picocli fills the annotated fields of the commands reflectively.
    opens io.hotswap.cli to info.picocli;
    opens io.hotswap.cli.build to info.picocli;
    opens io.hotswap.cli.remote to info.picocli;
}
