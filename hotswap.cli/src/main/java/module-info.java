/**
 * The {@code hotswap} command: {@code build} compiles a plugin into a modular jar with its live
 * index and version stamp; {@code reload}, {@code status} and {@code hosts} talk to running hosts
 * through their management endpoints, in the protocol of {@code io.hotswap.protocol}. It does not
 * read the runtime.
 */
module io.hotswap.cli {
    requires io.hotswap.protocol;
    // 'hotswap build' is a thin command over the build library.
    requires io.hotswap.build;
    requires info.picocli;

    // Exported, so that it is one of the image's default root modules: bin/hotswap starts
    // HotswapCommand by class name, without -m, and so from the module graph that the image's
    // CDS archive holds, with the command's classes in that archive (benchmarks/NOTES.md).
    exports io.hotswap.cli;

    // picocli fills the annotated fields of the commands reflectively.
    opens io.hotswap.cli to info.picocli;
    opens io.hotswap.cli.build to info.picocli;
    opens io.hotswap.cli.command to info.picocli;
    opens io.hotswap.cli.remote to info.picocli;
}
