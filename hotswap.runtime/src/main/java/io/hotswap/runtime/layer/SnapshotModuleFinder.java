package io.hotswap.runtime.layer;

import io.hotswap.runtime.jar.JarEntries;
import io.hotswap.runtime.jar.JarReadException;
import io.hotswap.runtime.jar.LibraryJar;
import io.hotswap.runtime.jar.PluginJar;
import java.io.FileNotFoundException;
import java.io.IOException;
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
 * class loader) serve the same bytes: {@code open} as a stream inflated as it is read.
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

    /**
     * One entry as a stream, for readers and resource URLs, which report trouble as an
     * {@code IOException}.
     *
     * @throws FileNotFoundException if there is no such entry
     * @throws IOException           if its local header is damaged
     */
    static InputStream open(JarEntries entries, String name) throws IOException {
        try {
            InputStream in = entries.open(name);
            if (in == null) {
                throw new FileNotFoundException(name);
            }
            return in;
        } catch (JarReadException e) {
            throw new IOException(e.getMessage(), e);
        }
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

    /** Reads the entries of a snapshot; {@code label} names it in the URIs it gives. */
    private record SnapshotReader(JarEntries entries, String label) implements ModuleReader {

        @Override
        public Optional<URI> find(String name) {
            return entries.contains(name) ? Optional.of(URI.create("hotswap:" + label + "/" + name)) : Optional.empty();
        }

        @Override
        public Optional<InputStream> open(String name) throws IOException {
            return entries.contains(name) ? Optional.of(SnapshotModuleFinder.open(entries, name)) : Optional.empty();
        }

        /** The entry whole, for a class file a scanner reads: inflated once into its own array. */
        @Override
        public Optional<ByteBuffer> read(String name) throws IOException {
            try {
                return Optional.ofNullable(entries.get(name)).map(ByteBuffer::wrap);
            } catch (JarReadException e) {
                throw new IOException(e.getMessage(), e);
            }
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
