package io.hotswap.protocol.endpoint;

import io.hotswap.protocol.HostEntry;
import io.hotswap.protocol.ProtocolCodec;
import io.hotswap.protocol.ProtocolException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The directory of one user's management sockets: {@code <base>/hotswap-<user>/}, where the base
 * is {@code $XDG_RUNTIME_DIR} when set, else {@code java.io.tmpdir}. It is mode 0700, so only
 * its owner can reach the sockets in it: the kernel checks that on every {@code connect()}.
 *
 * <p>Each host has two files there: {@code <name>-<pid>.sock}, the socket (0600), and
 * {@code <name>-<pid>.host}, a one-line JSON description (name, pid, plugin directory, start
 * time, {@link ProtocolCodec#encode(HostEntry)}) that {@code hotswap hosts} lists.
 *
 * <p>The host side ({@link #create()}, {@link #describe}, {@link #remove}) and the client side
 * ({@link #hosts()}, {@link #hosts(HostQuery)}) keep these rules in this one place.
 *
 * @since 0.2
 */
public final class EndpointDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = Set.copyOf(PosixFilePermissions.fromString("rwx------"));
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = Set.copyOf(PosixFilePermissions.fromString("rw-------"));
    private static final String SOCKET = ".sock";
    private static final String SIDECAR = ".host";

    private final Path dir;

    private EndpointDirectory(Path dir) {
        this.dir = dir;
    }

    /** The directory under the default base of the user running this JVM. */
    public static EndpointDirectory forCurrentUser() {
        return under(defaultBase());
    }

    /** The directory of the user running this JVM under another base (tests, custom setups). */
    public static EndpointDirectory under(Path base) {
        return new EndpointDirectory(base.toAbsolutePath().resolve("hotswap-" + System.getProperty("user.name")));
    }

    /** {@code $XDG_RUNTIME_DIR} when set and a directory, else {@code java.io.tmpdir}. */
    public static Path defaultBase() {
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Files.isDirectory(Path.of(xdg))) {
            return Path.of(xdg);
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    public Path dir() {
        return dir;
    }

    /**
     * Creates the directory with mode 0700, or checks an existing one: it must be a directory (not
     * a link) owned by this user; its mode is reset to 0700.
     *
     * @throws IOException if it cannot be created or belongs to someone else
     */
    public Path create() throws IOException {
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("management directory " + dir + " exists but is not a directory", e);
            }
            UserPrincipal owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
            String me = System.getProperty("user.name");
            if (!owner.getName().equals(me)) {
                throw new IOException("management directory " + dir + " belongs to " + owner.getName() + ", not " + me);
            }
        }
        // createDirectory honours the umask, and an old directory may have been loosened: set it.
        Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        return dir;
    }

    /** The socket file of host {@code name} in process {@code pid}. */
    public Path socket(String name, long pid) {
        return dir.resolve(fileStem(name, pid) + SOCKET);
    }

    /** The sidecar file of host {@code name} in process {@code pid}. */
    public Path sidecar(String name, long pid) {
        return dir.resolve(fileStem(name, pid) + SIDECAR);
    }

    /**
     * Makes a socket file that {@code bind()} created with the umask's mode readable and writable
     * by its owner only (0600). Inside the 0700 directory nobody else could reach it in between.
     */
    public void restrictToOwner(Path socket) throws IOException {
        Files.setPosixFilePermissions(socket, OWNER_ONLY_FILE);
    }

    /** Writes the sidecar of a host, atomically and 0600. */
    public void describe(HostEntry host) throws IOException {
        Path target = sidecar(host.name(), host.pid());
        Path tmp = Files.createTempFile(dir, ".sidecar", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try {
            Files.writeString(tmp, ProtocolCodec.encode(host) + "\n");
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Removes the socket and the sidecar of a host; missing files are fine. */
    public void remove(String name, long pid) throws IOException {
        Files.deleteIfExists(socket(name, pid));
        Files.deleteIfExists(sidecar(name, pid));
    }

    /**
     * The hosts whose process is alive, by name then pid. The files of dead hosts are deleted on
     * the way (a host killed with {@code SIGKILL} never removed them); unreadable sidecars are
     * skipped.
     */
    public List<HostEntry> hosts() {
        return hosts(HostQuery.any());
    }

    /**
     * The hosts of {@link #hosts()} that {@code query} means, reading only the sidecars whose file
     * name can be theirs ({@code <name>-*.host}, {@code *-<pid>.host}): a client that names its
     * host does not read, check and sweep every other host's files. Files of dead hosts among
     * those are deleted as {@link #hosts()} does.
     */
    public List<HostEntry> hosts(HostQuery query) {
        List<HostEntry> hosts = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return hosts;
        }
        String prefix = query.name().isPresent() ? fileName(query.name().get()) + "-" : "";
        String suffix = query.pid().isPresent() ? "-" + query.pid().getAsLong() + SIDECAR : SIDECAR;
        // A filter, not a glob: the glob would be compiled to a regular expression on every call.
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, new FileNames(prefix, suffix))) {
            for (Path f : files) {
                Optional<HostEntry> read = read(f);
                if (read.isEmpty()) {
                    continue;
                }
                HostEntry host = read.get();
                if (!host.alive()) {
                    removeQuietly(f, host.socket());
                } else if (query.matches(host)) {
                    hosts.add(host);
                }
            }
        } catch (IOException e) {
            return hosts;
        }
        hosts.sort(BY_NAME_THEN_PID);
        return hosts;
    }

    /** The files whose name starts with {@code prefix} and ends with {@code suffix}. */
    private record FileNames(String prefix, String suffix) implements DirectoryStream.Filter<Path> {
        @Override
        public boolean accept(Path entry) {
            String name = entry.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(suffix);
        }
    }

    // A class, not Comparator.comparing(...): its lambdas would be spun at every client's start.
    private static final Comparator<HostEntry> BY_NAME_THEN_PID = new Comparator<>() {
        @Override
        public int compare(HostEntry a, HostEntry b) {
            int byName = a.name().compareTo(b.name());
            return byName != 0 ? byName : Long.compare(a.pid(), b.pid());
        }
    };

    private static Optional<HostEntry> read(Path sidecar) {
        try {
            return Optional.of(ProtocolCodec.decodeHostEntry(Files.readString(sidecar).strip()));
        } catch (IOException | ProtocolException e) {
            // Half-written by a crashing host, or not ours: nothing to list.
            return Optional.empty();
        }
    }

    private void removeQuietly(Path sidecar, Path socket) {
        try {
            if (socket.getParent() != null && socket.getParent().equals(dir)) {
                Files.deleteIfExists(socket);
            }
            Files.deleteIfExists(sidecar);
        } catch (IOException e) {
            // Another process cleaned it first, or it is not ours to delete: leave it.
        }
    }

    /** Host names become file names: anything outside {@code [A-Za-z0-9._-]} becomes {@code _}. */
    static String fileStem(String name, long pid) {
        return fileName(name) + "-" + pid;
    }

    private static String fileName(String name) {
        // A loop, not String.replaceAll: no regular expression compiled at a client's start.
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean kept = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            sb.append(kept ? c : '_');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
