package io.hotswap.build;

import io.hotswap.protocol.bundle.BundleLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The private libraries of a plugin bundle, from the {@code --lib} options of {@code hotswap build}:
 * each option a jar, or a folder whose {@code *.jar} files directly in it are all taken (sorted by
 * name). Every jar is checked before anything is compiled or written, so a wrong option is a
 * usage error and leaves the output directory as it was.
 */
final class LibraryJars {

    /**
     * One library jar.
     *
     * @param file       where it is read from
     * @param descriptor its module, as the module path sees it (explicit or automatic)
     */
    record Jar(Path file, ModuleDescriptor descriptor) {

        /** Its entry in the bundle: {@code META-INF/hotswap/lib/<file name>}. */
        String entryName() {
            return BundleLayout.LIBRARIES + file.getFileName();
        }

        /** {@code com.google.gson@2.10.1}, {@code org.apache.commons.lang3@3.12.0 (automatic)}. */
        String describe() {
            return descriptor.toNameAndVersion() + (descriptor.isAutomatic() ? " (automatic)" : "");
        }
    }

    private LibraryJars() {
    }

    /** The jars the options name, in the order given; a folder's jars sorted by file name. */
    static List<Jar> resolve(List<Path> options) {
        Map<String, Jar> byFileName = new LinkedHashMap<>();
        Map<String, Jar> byModule = new LinkedHashMap<>();
        for (Path option : options) {
            for (Path file : files(option)) {
                Jar jar = new Jar(file, module(file));
                // One folder in the bundle: two jars of the same name would overwrite each other.
                Jar sameFile = byFileName.putIfAbsent(file.getFileName().toString(), jar);
                if (sameFile != null) {
                    throw BuildException.request("--lib " + sameFile.file() + " and " + file + " have the same file name;"
                            + " both would be " + jar.entryName());
                }
                // On a module path the first of two modules of one name wins without a word; the
                // bundle would then carry a library the plugin was not compiled against.
                Jar sameModule = byModule.putIfAbsent(jar.descriptor().name(), jar);
                if (sameModule != null) {
                    throw BuildException.request("--lib " + sameModule.file() + " and " + file + " are both module "
                            + jar.descriptor().name());
                }
            }
        }
        return List.copyOf(byFileName.values());
    }

    private static List<Path> files(Path option) {
        if (Files.isDirectory(option)) {
            List<Path> jars;
            try (Stream<Path> list = Files.list(option)) {
                jars = list.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + option, e);
            }
            if (jars.isEmpty()) {
                throw BuildException.request("--lib folder " + option + " holds no *.jar file");
            }
            return jars;
        }
        if (!Files.exists(option)) {
            throw BuildException.request("--lib " + option + " does not exist");
        }
        if (!option.getFileName().toString().endsWith(".jar") || !Files.isRegularFile(option)) {
            throw BuildException.request("--lib " + option + " is not a .jar file nor a folder of them");
        }
        return List.of(option);
    }

    private static ModuleDescriptor module(Path jar) {
        // Opening it reads the central directory: a truncated or foreign file fails here, with a
        // plainer message than the module finder's.
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.size();
        } catch (IOException e) {
            throw BuildException.request("--lib " + jar + " is not a readable jar: " + e.getMessage());
        }
        try {
            Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
            // A readable jar always yields one module, explicit or automatic, or a FindException.
            return found.iterator().next().descriptor();
        } catch (FindException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw BuildException.request("--lib " + jar + " is not a usable module: " + cause.getMessage());
        }
    }
}
