package io.hotswap.build;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;

/**
 * What goes into a plugin jar besides its manifest, by entry name: compiled classes and the live
 * index held in memory, resource files read from where they are when the jar is written. Nothing
 * is staged on disk: creating and removing a staging directory cost a third of a build
 * (benchmarks/NOTES.md). A later entry of the same name replaces the earlier one, as a copy into
 * a staging directory did (resources over classes, the live index over both).
 */
final class PluginContents {

    /** Where an entry's bytes come from. */
    sealed interface Content permits Bytes, FileContent {
    }

    record Bytes(byte[] bytes) implements Content {
    }

    record FileContent(Path file) implements Content {
    }

    private static final String VERSIONS = "META-INF/versions/";

    private final SortedMap<String, Content> entries = new TreeMap<>();

    void put(String name, byte[] bytes) {
        entries.put(name, new Bytes(bytes));
    }

    void put(String name, Path file) {
        entries.put(name, new FileContent(file));
    }

    /** By entry name, sorted. */
    SortedMap<String, Content> entries() {
        return Collections.unmodifiableSortedMap(entries);
    }

    /** The {@code .class} entries with their bytes (resource files among them read now). */
    Map<String, byte[]> classFiles() {
        Map<String, byte[]> classes = new TreeMap<>();
        entries.forEach((name, content) -> {
            if (name.endsWith(".class")) {
                classes.put(name, bytes(content));
            }
        });
        return classes;
    }

    static byte[] bytes(Content content) {
        if (content instanceof Bytes b) {
            return b.bytes();
        }
        Path file = ((FileContent) content).file();
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static boolean isEmpty(Content content) throws IOException {
        return content instanceof Bytes b ? b.bytes().length == 0 : Files.size(((FileContent) content).file()) == 0;
    }

    /**
     * The module's packages as the {@code jar} tool counts them for {@code ModulePackages}: the
     * directory of every entry whose path is a legal package name, classes and resources alike
     * ({@code META-INF/...} never is); {@code META-INF/versions/<n>/} is looked through.
     */
    Set<String> packages() {
        Set<String> packages = new TreeSet<>();
        for (String name : entries.keySet()) {
            if (name.startsWith(VERSIONS)) {
                int slash = name.indexOf('/', VERSIONS.length());
                if (slash <= VERSIONS.length() || !name.substring(VERSIONS.length(), slash).chars().allMatch(Character::isDigit)) {
                    continue;
                }
                name = name.substring(slash + 1);
            }
            int slash = name.lastIndexOf('/');
            String pn = slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
            if (!pn.isEmpty() && SourceVersion.isName(pn)) {
                packages.add(pn);
            }
        }
        return packages;
    }

    static void copy(Content content, OutputStream out) throws IOException {
        if (content instanceof Bytes b) {
            out.write(b.bytes());
        } else {
            Files.copy(((FileContent) content).file(), out);
        }
    }

    /** Writes every entry as a file under {@code dir}, for {@code --leaveTemps} and {@code --debug}. */
    void writeTo(Path dir) throws IOException {
        for (Map.Entry<String, Content> e : entries.entrySet()) {
            Path to = dir.resolve(e.getKey());
            Files.createDirectories(to.getParent());
            try (OutputStream out = Files.newOutputStream(to)) {
                copy(e.getValue(), out);
            }
        }
    }
}
