package io.hotswap.runtime.layer;

import io.hotswap.runtime.jar.JarEntries;
import io.hotswap.runtime.jar.LibraryJar;
import io.hotswap.runtime.jar.PluginJar;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link ModuleFinder} that finds the modules of one plugin version held in memory: the plugin
 * and the libraries of its bundle. Its readers (used by scanners such as ClassGraph, not by the
 * class loader) serve the same bytes.
 */
final class SnapshotModuleFinder implements ModuleFinder {

    private final Map<String, ModuleReference> references = new HashMap<>();

    SnapshotModuleFinder(PluginJar jar) {
        URI bundle = jar.file() == null ? URI.create("hotswap:" + jar.name()) : jar.file().toUri();
        add(new SnapshotReference(jar.descriptor(), bundle, jar.entries(), jar.name() + "@" + jar.shortHash()));
        for (LibraryJar lib : jar.libraries()) {
            // jar:<bundle>!/<path> names the nested jar as the JDK's jar: scheme would.
            add(new SnapshotReference(lib.descriptor(), URI.create("jar:" + bundle + "!/" + lib.path()), lib.entries(),
                    jar.name() + "@" + jar.shortHash() + "/" + lib.name()));
        }
    }

    private void add(ModuleReference reference) {
        references.put(reference.descriptor().name(), reference);
    }

    @Override
    public Optional<ModuleReference> find(String name) {
        return Optional.ofNullable(references.get(name));
    }

    @Override
    public Set<ModuleReference> findAll() {
        return Set.copyOf(references.values());
    }

    private static final class SnapshotReference extends ModuleReference {
        private final JarEntries entries;
        private final String label;

        SnapshotReference(ModuleDescriptor descriptor, URI location, JarEntries entries, String label) {
            super(descriptor, location);
            this.entries = entries;
            this.label = label;
        }

        @Override
        public ModuleReader open() {
            return new SnapshotReader(entries, label);
        }
    }

    private static final class SnapshotReader implements ModuleReader {
        private final JarEntries entries;
        private final String label;

        SnapshotReader(JarEntries entries, String label) {
            this.entries = entries;
            this.label = label;
        }

        private Optional<byte[]> entry(String name) {
            return Optional.ofNullable(entries.get(name));
        }

        @Override
        public Optional<URI> find(String name) {
            return entry(name).map(b -> URI.create("hotswap:" + label + "/" + name));
        }

        @Override
        public Optional<InputStream> open(String name) {
            return entry(name).map(ByteArrayInputStream::new);
        }

        @Override
        public Optional<ByteBuffer> read(String name) {
            return entry(name).map(ByteBuffer::wrap);
        }

        @Override
        public Stream<String> list() {
            return entries.names().stream().sorted();
        }

        @Override
        public void close() {
        }
    }
}
