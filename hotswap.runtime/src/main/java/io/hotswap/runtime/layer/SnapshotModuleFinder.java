package io.hotswap.runtime.layer;

import io.hotswap.runtime.jar.PluginJar;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link ModuleFinder} that finds exactly one module, the plugin jar held in memory. Its reader
 * (used by scanners such as ClassGraph, not by the class loader) serves the same bytes.
 */
final class SnapshotModuleFinder implements ModuleFinder {

    private final ModuleReference reference;

    SnapshotModuleFinder(PluginJar jar) {
        this.reference = new SnapshotReference(jar);
    }

    @Override
    public Optional<ModuleReference> find(String name) {
        return reference.descriptor().name().equals(name) ? Optional.of(reference) : Optional.empty();
    }

    @Override
    public Set<ModuleReference> findAll() {
        return Set.of(reference);
    }

    private static final class SnapshotReference extends ModuleReference {
        private final PluginJar jar;

        SnapshotReference(PluginJar jar) {
            super(jar.descriptor(), jar.file().toUri());
            this.jar = jar;
        }

        @Override
        public ModuleReader open() {
            return new SnapshotReader(jar);
        }
    }

    private static final class SnapshotReader implements ModuleReader {
        private final PluginJar jar;

        SnapshotReader(PluginJar jar) {
            this.jar = jar;
        }

        @Override
        public Optional<URI> find(String name) {
            return jar.entry(name).map(b -> URI.create("hotswap:" + jar.name() + "@" + jar.shortHash() + "/" + name));
        }

        @Override
        public Optional<InputStream> open(String name) {
            return jar.entry(name).map(ByteArrayInputStream::new);
        }

        @Override
        public Optional<ByteBuffer> read(String name) {
            return jar.entry(name).map(ByteBuffer::wrap);
        }

        @Override
        public Stream<String> list() {
            return jar.entries().names().stream().sorted();
        }

        @Override
        public void close() {
        }
    }
}
