package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import io.hotswap.demo.tests.DemoScripts.RunningHost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hello host from the image, seen by a JMX client in another JVM (this one), as jconsole and
 * VisualVM see it: through the JDK's remote connector on loopback, and through the local attach
 * path jconsole uses for the processes it lists. Only JDK types cross: the client has no hotswap
 * class, so the MBean works only if its interface is exported to everyone.
 */
class JmxIT {

    /** Every attribute of {@code SwapperMXBean}, as jconsole lists them. */
    private static final String[] ATTRIBUTES = {"Name", "PluginDir", "Generation", "ReloadCounter", "StaticLinking",
            "Plugins", "Retired", "Freed", "Collected", "Leaked", "Leaks"};

    /** The hello host's first call into world v1. */
    private static final String WORLD_V1 = DemoScripts.WORLD_V1;

    @TempDir
    Path work;

    @Test
    void aClientOnTheRemoteConnectorOnLoopbackReadsEveryAttributeAndItsReloadServesTheNewVersion() throws Exception {
        int port = freeLoopbackPort();
        try (DemoScripts demo = new DemoScripts("hello", work)) {
            demo.buildPlugin("world", 1);
            RunningHost host = demo.startHost("jmx-remote", String.join(" ",
                    "-Dcom.sun.management.jmxremote.port=" + port,
                    "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                    "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                    "-Djava.rmi.server.hostname=127.0.0.1",
                    "-Dcom.sun.management.jmxremote.authenticate=false",
                    "-Dcom.sun.management.jmxremote.ssl=false",
                    "-Dcom.sun.management.jmxremote.local.only=true"), WORLD_V1);
            HostOutput out = host.output();
            awaitMBean(demo, out);

            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
            try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
                MBeanServerConnection mbeans = connector.getMBeanServerConnection();
                ObjectName name = swapperName(demo);
                Map<String, Object> before = readEveryAttribute(mbeans, name);
                assertThat(before).containsEntry("Name", demo.hostName()).containsEntry("Generation", 1L)
                        .containsEntry("ReloadCounter", 0L).containsEntry("StaticLinking", false)
                        .containsEntry("PluginDir", work.resolve("plugins").toString());
                assertThat((String[]) before.get("Plugins")).singleElement().asString().startsWith("world ");

                demo.buildPlugin("world", 2);
                assertReloadServesWorldV2(mbeans, name, out);
                Map<String, Object> after = readEveryAttribute(mbeans, name);
                assertThat(after).containsEntry("Generation", 2L).containsEntry("ReloadCounter", 1L);
            }
        }
    }

    @Test
    void aClientOnTheLocalAgentStartedThroughTheAttachApiReadsEveryAttributeAndReloads() throws Exception {
        try (DemoScripts demo = new DemoScripts("hello", work)) {
            RunningHost host = demo.startWorldV1("jmx-attach", "");
            HostOutput out = host.output();
            awaitMBean(demo, out);

            String address = startLocalManagementAgent(host.java().pid());
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection mbeans = connector.getMBeanServerConnection();
                ObjectName name = swapperName(demo);
                assertThat(readEveryAttribute(mbeans, name)).containsEntry("Name", demo.hostName())
                        .containsEntry("Generation", 1L);

                demo.buildPlugin("world", 2);
                assertReloadServesWorldV2(mbeans, name, out);
            }
        }
    }

    /** The MBean's reload operation, after world v2 was built: its details, then v2 serving. */
    private static void assertReloadServesWorldV2(MBeanServerConnection mbeans, ObjectName name, HostOutput out)
            throws Exception {
        assertThat(mbeans.invoke(name, "reload", new Object[0], new String[0])).asString()
                .startsWith("generation 2").contains("world=OK");
        int swapped = out.await("Generation 2 is current \\(reload\\).* world=OK", 0, Timeouts.STEP).index();
        out.await("world v2: hum #\\d+", swapped, Timeouts.STEP);
    }

    /** The demo hosts register the MBean on a thread of their own, a moment after their first call. */
    private static void awaitMBean(DemoScripts demo, HostOutput out) {
        out.await("Management of " + Pattern.quote(demo.hostName()) + " ready \\(.*MBean", 0, Timeouts.STEP);
    }

    private static ObjectName swapperName(DemoScripts demo) throws Exception {
        return new ObjectName("io.hotswap:type=Swapper,name=" + demo.hostName());
    }

    /**
     * Reads each attribute the MBean's info lists, one by one as jconsole does, so that an attribute
     * the client cannot read fails the test with the host's own exception instead of missing from the
     * result; also checks that the info lists every attribute of the interface and its two
     * operations, and that leakPaths answers a clean host with no line.
     */
    private static Map<String, Object> readEveryAttribute(MBeanServerConnection mbeans, ObjectName name)
            throws Exception {
        MBeanInfo info = mbeans.getMBeanInfo(name);
        Map<String, Object> values = new LinkedHashMap<>();
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            assertThat(attribute.isReadable()).as(attribute.getName()).isTrue();
            values.put(attribute.getName(), mbeans.getAttribute(name, attribute.getName()));
        }
        assertThat(values).containsOnlyKeys(ATTRIBUTES);
        assertThat(Arrays.stream(info.getOperations()).map(MBeanOperationInfo::getName))
                .containsExactlyInAnyOrder("reload", "leakPaths");
        // Nothing leaked yet: no line, and no heap dumped for it.
        assertThat((String[]) mbeans.invoke(name, "leakPaths", new Object[0], new String[0])).isEmpty();
        assertThat(info.getDescriptor().getFieldValue("interfaceClassName"))
                .isEqualTo("io.hotswap.runtime.jmx.SwapperMXBean");
        return values;
    }

    /**
     * What jconsole does for a process of its list that runs no agent yet: attaches to it and starts
     * its local management agent (jcmd's {@code ManagementAgent.start_local}); returns the agent's
     * address. Bounded: the attach API itself waits on the target without a limit of its own.
     */
    private static String startLocalManagementAgent(long pid) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
                try {
                    return vm.startLocalManagementAgent();
                } finally {
                    vm.detach();
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the local management agent of pid " + pid + ": " + e, e);
            }
        }).get(Timeouts.STEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
