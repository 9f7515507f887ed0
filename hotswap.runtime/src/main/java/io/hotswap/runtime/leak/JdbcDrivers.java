package io.hotswap.runtime.leak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * JDBC drivers of the freed version still registered in {@code java.sql.DriverManager}, which holds
 * them strongly. Made only where the host's boot layer has {@code java.sql} (the runtime requires it
 * {@code static}: an image without it is not made to carry it) and only for a version whose modules
 * read it, so that a host without JDBC never has its {@code DriverManager} initialised by the watch.
 */
final class JdbcDrivers implements HolderCheck {

    // By name, never DriverProbe.class: the runtime's loader must not load it (it links java.sql).
    private static final String PROBE = "io.hotswap.runtime.leak.DriverProbe";

    private final Module sql;
    private final byte[] probe;

    private JdbcDrivers(Module sql, byte[] probe) {
        this.sql = sql;
        this.probe = probe;
    }

    /** The check, if the boot layer has {@code java.sql}. */
    static Optional<JdbcDrivers> available() {
        return ModuleLayer.boot().findModule("java.sql").map(sql -> new JdbcDrivers(sql, probeBytes()));
    }

    private static byte[] probeBytes() {
        // A class file of the runtime's own module: never encapsulated, always readable.
        try (InputStream in = JdbcDrivers.class.getResourceAsStream("DriverProbe.class")) {
            if (in == null) {
                throw new IllegalStateException("the runtime's own DriverProbe.class is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void find(Target target, Found found) {
        if (!HolderCheck.reads(target.layer(), sql)) {
            return;
        }
        for (String driver : drivers(target.loader())) {
            found.certain("JDBC driver " + driver + " registered in DriverManager");
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> drivers(ClassLoader freed) {
        Class<?> probeClass = new ProbeLoader(freed).define(PROBE, probe);
        try {
            // Public, in an unnamed module: exported to all, so the public lookup reaches it.
            MethodHandle make = MethodHandles.publicLookup().findConstructor(probeClass, MethodType.methodType(void.class));
            return ((Supplier<List<String>>) make.invoke()).get();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the JDBC driver probe failed", e);
        }
    }

    /** A throwaway loader under the freed one, holding nothing but the probe. */
    private static final class ProbeLoader extends ClassLoader {

        ProbeLoader(ClassLoader freed) {
            super("hotswap-leak-probe", freed);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
