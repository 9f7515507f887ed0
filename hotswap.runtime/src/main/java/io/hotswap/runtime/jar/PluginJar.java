package io.hotswap.runtime.jar;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A plugin jar read once into memory: the layer is defined from these bytes, never from the file,
 * so a build that overwrites the file while a reload runs cannot produce a half-read plugin, and
 * no file handle outlives the read. Its entries stay compressed: they are checked once for a jar
 * that gets a layer, and inflated when a class is defined or a resource read.
 *
 * <p>A plugin <em>bundle</em> is such a jar with its private libraries nested under
 * {@link io.hotswap.protocol.bundle.BundleLayout#LIBRARIES}; {@link #entries} are then the plugin's own,
 * the libraries' are in {@link #libraries}.
 *
 * @param file       where the jar was read from (for messages and status only)
 * @param sha256     hex SHA-256 of the jar's bytes, libraries included: the plugin's identity for
 *                   change detection
 * @param descriptor the module descriptor, with its packages computed from the entries
 * @param entries    the plugin module's entries, directories and nested libraries left out
 * @param libraries  the nested libraries, in the order of their paths; empty for a plain plugin
 * @param stamp      what the file system said of the file just before it was read, if the reader
 *                   asked: a later reload that sees the same stamp uses this jar instead of
 *                   reading the file again
 */
public record PluginJar(Path file, String sha256, ModuleDescriptor descriptor, JarEntries entries,
                        List<LibraryJar> libraries, Optional<FileStamp> stamp) {

    public PluginJar {
        libraries = List.copyOf(libraries);
        Objects.requireNonNull(stamp, "stamp");
    }

    /** A jar or bundle read without a stamp. */
    public PluginJar(Path file, String sha256, ModuleDescriptor descriptor, JarEntries entries,
                     List<LibraryJar> libraries) {
        this(file, sha256, descriptor, entries, libraries, Optional.empty());
    }

    /** A plain plugin: no libraries. */
    public PluginJar(Path file, String sha256, ModuleDescriptor descriptor, JarEntries entries) {
        this(file, sha256, descriptor, entries, List.of());
    }

    /** This jar, with the stamp its file had just before it was read. */
    public PluginJar stamped(FileStamp before) {
        return new PluginJar(file, sha256, descriptor, entries, libraries, Optional.of(before));
    }

    /** The plugin's name: its module name. */
    public String name() {
        return descriptor.name();
    }

    /** The raw version in the module descriptor, as stamped by {@code hotswap build}, if any. */
    public Optional<String> descriptorVersion() {
        return descriptor.rawVersion();
    }

    /** The names of the implementations of {@code service} that the module provides. */
    public Set<String> providers(String service) {
        return descriptor.provides().stream()
                .filter(p -> p.service().equals(service))
                .flatMap(p -> p.providers().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The module names of the bundled libraries. */
    public Set<String> libraryNames() {
        return libraries.stream().map(LibraryJar::name).collect(Collectors.toUnmodifiableSet());
    }

    /** The bytes of one entry, inflated whole, if the jar has it. */
    public Optional<byte[]> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The first twelve hex digits of the hash, enough to tell versions apart in names and logs. */
    public String shortHash() {
        return sha256.substring(0, 12);
    }

    /** Checks every entry of the plugin and of its libraries (see {@link JarEntries#check}). */
    public void check() {
        entries.check();
        libraries.forEach(l -> l.entries().check());
    }

    @Override
    public String toString() {
        return name() + "@" + shortHash() + " (" + file + ")";
    }
}
