package io.hotswap.runtime.jar;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * A plugin jar read once into memory: the layer is defined from these bytes, never from the file,
 * so a build that overwrites the file while a reload runs cannot produce a half-read plugin, and
 * no file handle outlives the read. Its entries are inflated only for a jar that gets a layer.
 *
 * @param file       where the jar was read from (for messages and status only)
 * @param sha256     hex SHA-256 of the jar's bytes: the plugin's identity for change detection
 * @param descriptor the module descriptor, with its packages computed from the entries
 * @param entries    the entries, directories left out
 */
public record PluginJar(Path file, String sha256, ModuleDescriptor descriptor, JarEntries entries) {

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
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The bytes of one entry, if the jar has it. */
    public Optional<byte[]> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The first twelve hex digits of the hash, enough to tell versions apart in names and logs. */
    public String shortHash() {
        return sha256.substring(0, 12);
    }

    @Override
    public String toString() {
        return name() + "@" + shortHash() + " (" + file + ")";
    }
}
