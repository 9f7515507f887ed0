package io.hotswap.runtime.management;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static io.hotswap.runtime.management.TestHosts.withEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hotswap.protocol.Command;
import io.hotswap.protocol.Request;
import io.hotswap.protocol.StatusReply;
import io.hotswap.protocol.endpoint.EndpointClient;
import io.hotswap.runtime.Swapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client running as another user, started with {@code setpriv} or {@code runuser} (the tests run
 * as root). Its request must never be served: the kernel refuses the connection while the
 * directory is 0700, and the server refuses the peer if someone loosened the permissions.
 */
class OtherUserTest {

    private static final String CLIENT = """
            import java.net.*;
            import java.nio.*;
            import java.nio.channels.*;
            public class Client {
                public static void main(String[] args) throws Exception {
                    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                        ch.connect(UnixDomainSocketAddress.of(args[0]));
                        ch.write(ByteBuffer.wrap("{\\"command\\":\\"reload\\"}\\n".getBytes()));
                        ByteBuffer buf = ByteBuffer.allocate(4096);
                        while (ch.read(buf) >= 0) { }
                        System.out.println("REPLY " + new String(buf.array(), 0, buf.position()));
                    } catch (java.io.IOException e) {
                        System.out.println("CONNECT-FAILED " + e.getMessage());
                    }
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void aClientOfAnotherUserIsRefusedAndTheEndpointKeepsServing() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "switching to another user needs root");
        List<String> asNobody = asNobody();
        assumeTrue(asNobody != null, "neither setpriv nor runuser is installed");

        Path world = tmp.resolve("world");
        Files.createDirectories(world);
        Path base = world.resolve("base");
        Path plugins = world.resolve("plugins");
        Files.createDirectories(base);
        Files.createDirectories(plugins);
        Files.writeString(world.resolve("Client.java"), CLIENT);
        // Everything up to the user directory is enterable by nobody, so only our 0700/0600 guard it.
        for (Path p : List.of(tmp, world, base, plugins, world.resolve("Client.java"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
        }
        plugin("alpha").buildInto(plugins);

        try (Swapper swapper = withEndpoint(plugins, base, "guarded").build()) {
            swapper.loadPlugins(null);
            Path socket = TestHosts.socket(base);

            String kernel = runClient(asNobody, world, socket);
            assertThat(kernel).startsWith("CONNECT-FAILED").containsIgnoringCase("permission denied");

            // Someone loosened the permissions by hand: the server's peer check still refuses.
            Files.setPosixFilePermissions(socket.getParent(), PosixFilePermissions.fromString("rwx--x--x"));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            String server = runClient(asNobody, world, socket);
            assertThat(server).startsWith("REPLY").contains("\"ok\":false")
                    .contains("refused: user nobody is not the owner (root)");

            assertThat(swapper.reloadCounter()).as("no reload ran for the refused clients").isZero();
            assertThat(EndpointClient.send(socket, new Request(Command.STATUS))).isInstanceOf(StatusReply.class);
        }
    }

    private static String runClient(List<String> asNobody, Path world, Path socket) throws Exception {
        List<String> cmd = new ArrayList<>(asNobody);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                world.resolve("Client.java").toString(), socket.toString()));
        Process p = new ProcessBuilder(cmd).directory(world.toFile()).redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("client finished").isTrue();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } finally {
            p.destroyForcibly();
        }
    }

    /** The command prefix that runs a program as nobody, or null if no tool for it exists. */
    private static List<String> asNobody() throws IOException {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            if (Files.isExecutable(Path.of(dir, "setpriv"))) {
                return List.of(dir + "/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups");
            }
        }
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin")) {
            if (Files.isExecutable(Path.of(dir, "runuser"))) {
                return List.of(dir + "/runuser", "-u", "nobody", "--");
            }
        }
        return null;
    }
}
