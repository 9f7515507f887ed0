package io.hotswap.runtime.management;

import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.HostStatus;
import io.hotswap.protocol.LeakPathStatus;
import io.hotswap.protocol.ReloadReply;
import io.hotswap.protocol.Reply;
import io.hotswap.runtime.jmx.SwapperMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A swapper registered in the platform MBean server; {@link #close()} unregisters it. Not public:
 * clients see it through {@link SwapperMXBean}, in the exported package {@code io.hotswap.runtime.jmx}.
 */
final class SwapperBean implements SwapperMXBean, AutoCloseable {

    private final ManagedSwapper swapper;
    private final ObjectName objectName;

    private SwapperBean(ManagedSwapper swapper, ObjectName objectName) {
        this.swapper = swapper;
        this.objectName = objectName;
    }

    /** {@code io.hotswap:type=Swapper,name=<host>}, the name quoted if it needs to be. */
    static ObjectName objectName(String host) {
        String value = host.matches("[A-Za-z0-9._-]+") ? host : ObjectName.quote(host);
        try {
            return new ObjectName("io.hotswap:type=Swapper,name=" + value);
        } catch (JMException e) {
            throw new IllegalArgumentException("host name " + host + " makes no valid JMX object name", e);
        }
    }

    /**
     * @throws IllegalStateException if a swapper of that name is already registered in this JVM
     */
    static SwapperBean register(ManagedSwapper swapper) {
        ObjectName name = objectName(swapper.name());
        SwapperBean bean = new SwapperBean(swapper, name);
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(bean, name);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register MBean " + name + ": " + e.getMessage(), e);
        }
        return bean;
    }

    @Override
    public String getName() {
        return swapper.name();
    }

    @Override
    public String getPluginDir() {
        return swapper.pluginDir().toString();
    }

    @Override
    public long getGeneration() {
        return swapper.generation();
    }

    @Override
    public long getReloadCounter() {
        return swapper.reloadCounter();
    }

    @Override
    public boolean isStaticLinking() {
        return swapper.staticLinking();
    }

    @Override
    public List<String> getPlugins() {
        return status().plugins().stream().map(p -> p.name() + " " + p.version()).toList();
    }

    @Override
    public int getRetired() {
        return Math.toIntExact(status().retired());
    }

    @Override
    public long getFreed() {
        return status().freed();
    }

    @Override
    public long getCollected() {
        return status().collected();
    }

    @Override
    public int getLeaked() {
        return Math.toIntExact(status().leaked());
    }

    @Override
    public List<String> getLeaks() {
        return status().leaks().stream()
                .map(l -> l.plugin() + " " + l.version() + " alive " + l.aliveForSeconds() + " s after onFree"
                        + (l.heldBy().isEmpty() ? "" : ", held by " + String.join(", ", l.heldBy())))
                .toList();
    }

    @Override
    public String reload() {
        Reply reply = swapper.reload();
        if (reply instanceof ReloadReply done) {
            return done.details().toString();
        }
        // No cause attached: a remote console could not deserialize the runtime's exception types.
        throw new IllegalStateException(((ErrorReply) reply).error());
    }

    @Override
    public List<String> leakPaths() {
        try {
            return swapper.leakPaths().stream().map(LeakPathStatus::line).toList();
        } catch (RuntimeException e) {
            // No cause attached, as for reload: a remote console could not deserialize it.
            throw new IllegalStateException(e.getMessage());
        }
    }

    private HostStatus status() {
        return swapper.status();
    }

    @Override
    public void close() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            if (server.isRegistered(objectName)) {
                server.unregisterMBean(objectName);
            }
        } catch (JMException e) {
            // Unregistered concurrently: nothing left to do.
        }
    }
}
