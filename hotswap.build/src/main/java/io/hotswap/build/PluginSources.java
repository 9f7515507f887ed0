package io.hotswap.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a plugin's files are: its sources ({@code module-info.java} at the root of the plugin
 * directory or in {@code src/main/java}), its compiled classes for {@code --compile=false}
 * ({@code target/classes} or the directory itself), and its resource files.
 *
 * <p>Resources: every file of {@code src/main/resources}, plus files beside the sources that are
 * not {@code .java} and match {@code --include}, less those that match {@code --exclude}. Patterns
 * match the path relative to its root, with {@code /} separators.
 */
final class PluginSources {

    private final Path pluginDir;

    PluginSources(Path pluginDir) {
        this.pluginDir = pluginDir;
    }

    /** The directory holding {@code module-info.java}. */
    Path sourceRoot() {
        for (Path root : List.of(pluginDir.resolve("src/main/java"), pluginDir)) {
            if (Files.isRegularFile(root.resolve("module-info.java"))) {
                return root;
            }
        }
        throw BuildException.failed("no module-info.java in " + pluginDir + " nor in " + pluginDir.resolve("src/main/java")
                + ": a plugin is an explicit module");
    }

    /** The {@code .java} files under the source root. */
    List<Path> javaFiles(Path sourceRoot) {
        return files(sourceRoot).filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }

    /** The directory of already-compiled classes holding {@code module-info.class}. */
    Path classesRoot() {
        for (Path root : List.of(pluginDir.resolve("target/classes"), pluginDir)) {
            if (Files.isRegularFile(root.resolve("module-info.class"))) {
                return root;
            }
        }
        throw BuildException.failed("--compile=false: no module-info.class in " + pluginDir.resolve("target/classes")
                + " nor in " + pluginDir);
    }

    /** Resource files by their entry name in the jar. */
    Map<String, Path> resources(Optional<Path> sourceRoot, Optional<Pattern> include, Optional<Pattern> exclude) {
        Map<String, Path> found = new LinkedHashMap<>();
        Path resources = pluginDir.resolve("src/main/resources");
        if (Files.isDirectory(resources)) {
            files(resources).sorted().forEach(f -> found.put(entryName(resources, f), f));
        }
        if (sourceRoot.isPresent() && include.isPresent()) {
            Path root = sourceRoot.get();
            files(root).filter(f -> !f.toString().endsWith(".java") && !f.toString().endsWith(".class")).sorted()
                    .forEach(f -> {
                        String name = entryName(root, f);
                        if (include.get().matcher(name).matches()) {
                            found.putIfAbsent(name, f);
                        }
                    });
        }
        exclude.ifPresent(x -> found.keySet().removeIf(name -> x.matcher(name).matches()));
        return found;
    }

    private Stream<Path> files(Path root) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(f -> !skipped(root, f))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return files.stream();
    }

    /** Hidden directories (.git) and build output are never sources or resources. */
    private boolean skipped(Path root, Path file) {
        Path rel = root.relativize(file);
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            String part = rel.getName(i).toString();
            if (part.startsWith(".") || (root.equals(pluginDir) && i == 0 && part.equals("target"))) {
                return true;
            }
        }
        return false;
    }

    static String entryName(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
