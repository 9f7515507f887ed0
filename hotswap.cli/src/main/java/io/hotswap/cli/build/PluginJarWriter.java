package io.hotswap.cli.build;

import io.hotswap.cli.CommandException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Writes {@code <outputDir>/<module>.jar} from a staging directory, atomically: the JDK's
 * {@code jar} tool writes a temporary file in the output directory (so the rename cannot cross
 * file systems), stamping the module version into {@code module-info.class} and recording its
 * packages; then one {@code ATOMIC_MOVE} replaces the old jar. A reader, a host's reload or a
 * file watch sees the old jar or the new one, never half of one.
 */
final class PluginJarWriter {

    private PluginJarWriter() {
    }

    /**
     * @param staging    classes, resources and the live index, {@code module-info.class} at its root
     * @param manifest   the manifest's main attributes (besides {@code Manifest-Version})
     * @param version    the module version to stamp
     * @return the jar written
     */
    static Path write(Path staging, Path outputDir, String module, Map<String, String> manifest, String version,
                      Path workDir) throws IOException {
        ToolProvider jar = ToolProvider.findFirst("jar").orElseThrow(() ->
                CommandException.failed("no jar tool in this runtime (module jdk.jartool)"));
        Path manifestFile = workDir.resolve("MANIFEST.MF");
        writeManifest(manifestFile, manifest);
        Files.createDirectories(outputDir);
        Path target = outputDir.resolve(module + ".jar");
        // Not *.jar: a swapper or file watch looking at the directory ignores it until the rename.
        Path tmp = Files.createTempFile(outputDir, "." + module + "-", ".jar.tmp");
        try {
            Files.delete(tmp); // the jar tool creates the file itself
            List<String> args = new ArrayList<>(List.of("--create", "--file", tmp.toString(),
                    "--manifest", manifestFile.toString(), "--module-version", version, "-C", staging.toString(), "."));
            StringWriter out = new StringWriter();
            int rc = jar.run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new));
            if (rc != 0) {
                throw CommandException.failed("jar failed (exit " + rc + "): " + out.toString().strip());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw CommandException.failed("cannot replace " + target + " atomically on this file system", e);
            }
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeManifest(Path file, Map<String, String> attributes) throws IOException {
        Manifest mf = new Manifest();
        Attributes main = mf.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach(main::putValue);
        try (var out = Files.newOutputStream(file)) {
            mf.write(out);
        }
    }
}
