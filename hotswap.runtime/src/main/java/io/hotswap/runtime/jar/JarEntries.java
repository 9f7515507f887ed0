package io.hotswap.runtime.jar;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The entries of a jar held in memory as the jar's own bytes: the names come from the zip's
 * central directory, and an entry is inflated only when it is asked for.
 *
 * <p>A reload reads every jar of the plugin directory, but most of them are usually unchanged:
 * their hash says so, and their running layer is carried over. Those jars never need their
 * classes inflated. A jar that will get a layer is checked whole first ({@link #inflateAll}: every
 * entry inflated and its CRC compared), so a corrupt jar fails the reload at the read step while
 * the old generation keeps serving, not at a later class load.
 *
 * <p>Thread-safe: the state is one immutable value behind a volatile field.
 */
public final class JarEntries {

    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final long ZIP64_MARK = 0xFFFFFFFFL;
    // DEFLATE's largest expansion: a 258-byte match in 2 bits, 1032 bytes out per byte in.
    private static final int MAX_DEFLATE_RATIO = 1032;

    private static final JarEntries NONE = new JarEntries(null, new Inflated(Map.of()), Optional.empty());

    /** Where the entries' bytes are now: still compressed in the jar, or inflated once. */
    private sealed interface State permits Compressed, Inflated {
    }

    /** The jar's bytes and, per entry name, where its data starts. */
    private record Compressed(byte[] jar, Map<String, Entry> directory) implements State {
    }

    private record Inflated(Map<String, byte[]> entries) implements State {
    }

    private record Entry(int method, long crc, int compressedSize, int size, int localHeader) {
    }

    private static final String VERSIONS = "META-INF/versions/";

    // What messages call this jar: its file, or "<bundle>!/<nested path>" for a nested jar.
    private final String file;
    private volatile State state;
    // The first entry name that escapes the jar, kept out of the entries: the reader refuses the
    // jar once it knows which plugin the jar is, so that the error can name it.
    private final Optional<String> escaping;

    private JarEntries(String file, State state, Optional<String> escaping) {
        this.file = file;
        this.state = state;
        this.escaping = escaping;
    }

    /** No entries: for plugins that were not read from a jar (static plugins). */
    public static JarEntries none() {
        return NONE;
    }

    /**
     * Reads the central directory of a jar in memory; inflates nothing.
     *
     * @param file for messages only
     * @throws JarReadException if the bytes are not a zip this reader supports
     */
    static JarEntries of(Path file, byte[] jar) {
        return of(String.valueOf(file), jar);
    }

    /**
     * Reads the central directory of a jar in memory; inflates nothing.
     *
     * @param file what messages call the jar, e.g. {@code /plugins/alpha.jar!/META-INF/hotswap/lib/gson.jar}
     * @throws JarReadException if the bytes are not a zip this reader supports; an entry whose
     *         name escapes the jar ({@code ../}, an absolute path, a backslash) is left out and
     *         reported by {@link #escaping()}
     */
    static JarEntries of(String file, byte[] jar) {
        ByteBuffer b = ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN);
        int end = endOfDirectory(file, b);
        int count = Short.toUnsignedInt(b.getShort(end + 10));
        long dirOffset = Integer.toUnsignedLong(b.getInt(end + 16));
        if (count == 0xFFFF || dirOffset == ZIP64_MARK) {
            throw new JarReadException(file, "is a zip64 archive, which plugins cannot be", null);
        }
        Map<String, Entry> directory = new HashMap<>();
        String escaping = null;
        int at = (int) dirOffset;
        for (int i = 0; i < count; i++) {
            // In long: an offset near 2 GB plus the record's size overflows an int (a fuzz finding).
            if (at < 0 || (long) at + 46 > jar.length || b.getInt(at) != DIRECTORY_ENTRY) {
                throw new JarReadException(file, "is not a valid jar (central directory entry " + i + " is damaged)", null);
            }
            int flags = Short.toUnsignedInt(b.getShort(at + 8));
            int method = Short.toUnsignedInt(b.getShort(at + 10));
            long crc = Integer.toUnsignedLong(b.getInt(at + 16));
            long compressed = Integer.toUnsignedLong(b.getInt(at + 20));
            long size = Integer.toUnsignedLong(b.getInt(at + 24));
            int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(b.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(b.getShort(at + 32));
            long localHeader = Integer.toUnsignedLong(b.getInt(at + 42));
            if (at + 46 + nameLength > jar.length) {
                throw new JarReadException(file, "is not a valid jar (central directory entry " + i + " is damaged)", null);
            }
            String name = new String(jar, at + 46, nameLength, StandardCharsets.UTF_8);
            at += 46 + nameLength + extraLength + commentLength;
            if (escapes(name)) {
                escaping = escaping == null ? name : escaping;
                continue;
            }
            if (name.endsWith("/")) {
                continue;
            }
            if ((flags & 1) != 0) {
                throw new JarReadException(file, "has an encrypted entry " + name, null);
            }
            if (method != STORED && method != DEFLATED) {
                throw new JarReadException(file, "has entry " + name + " compressed with method " + method
                        + "; a jar uses stored or deflated entries", null);
            }
            if (compressed >= Integer.MAX_VALUE || size >= Integer.MAX_VALUE || localHeader >= jar.length) {
                throw new JarReadException(file, "is not a valid jar (entry " + name + " lies outside it, or is zip64)", null);
            }
            if (directory.put(name, new Entry(method, crc, (int) compressed, (int) size, (int) localHeader)) != null) {
                throw new JarReadException(file, "has two entries named " + name, null);
            }
        }
        if (directory.isEmpty() && escaping == null) {
            throw new JarReadException(file, "is not a valid jar (no entries could be read)", null);
        }
        return new JarEntries(file, new Compressed(jar, Map.copyOf(directory)), Optional.ofNullable(escaping));
    }

    /**
     * Whether an entry name could point outside the jar if it were ever unpacked: nothing here
     * unpacks, but such a name is hostile (or broken) and no tool writes one.
     */
    private static boolean escapes(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':')) {
            return true;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The entries as the running JDK sees a multi-release jar: an entry under
     * {@code META-INF/versions/N/} with {@code 9 <= N <= release} stands in for the base entry of
     * the same name, the highest such N winning, as {@code JarFile} chooses them; the versioned
     * entries themselves are left out. Call before anything is inflated.
     */
    JarEntries versioned(int release) {
        Compressed c = compressed("versioned");
        Map<String, Entry> view = new HashMap<>();
        Map<String, Integer> chosen = new HashMap<>();
        c.directory().forEach((name, e) -> {
            if (!name.startsWith(VERSIONS)) {
                view.putIfAbsent(name, e);
            }
        });
        c.directory().forEach((name, e) -> {
            if (!name.startsWith(VERSIONS)) {
                return;
            }
            int slash = name.indexOf('/', VERSIONS.length());
            int n = slash < 0 ? -1 : featureOf(name.substring(VERSIONS.length(), slash));
            if (n < 9 || n > release) {
                return;
            }
            String base = name.substring(slash + 1);
            if (!base.isEmpty() && chosen.getOrDefault(base, 0) < n) {
                chosen.put(base, n);
                view.put(base, e);
            }
        });
        return new JarEntries(file, new Compressed(c.jar(), Map.copyOf(view)), escaping);
    }

    private static int featureOf(String digits) {
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    /** The entries without those under {@code folder} (a bundle's plugin without its nested libraries). */
    JarEntries without(String folder) {
        Compressed c = compressed("without");
        Map<String, Entry> view = new HashMap<>(c.directory());
        view.keySet().removeIf(name -> name.startsWith(folder));
        return new JarEntries(file, new Compressed(c.jar(), Map.copyOf(view)), escaping);
    }

    private Compressed compressed(String what) {
        if (state instanceof Compressed c) {
            return c;
        }
        throw new IllegalStateException(what + "() needs the entries of " + file + " still compressed");
    }

    /** The first entry name that would escape the jar if it were unpacked, left out of the entries. */
    Optional<String> escaping() {
        return escaping;
    }

    /** What messages call this jar. */
    String where() {
        return file;
    }

    private static int endOfDirectory(String file, ByteBuffer b) {
        // The record is 22 bytes and may be followed by a comment of up to 65,535 bytes.
        int last = b.limit() - 22;
        for (int at = last; at >= 0 && at >= last - 0xFFFF; at--) {
            if (b.getInt(at) == END_OF_DIRECTORY) {
                return at;
            }
        }
        throw new JarReadException(file, "is not a valid jar (no zip central directory)", null);
    }

    /** The names of the entries, directories left out. */
    public Set<String> names() {
        State s = state;
        return s instanceof Compressed c ? c.directory().keySet() : ((Inflated) s).entries().keySet();
    }

    /**
     * The bytes of one entry, inflated now if {@link #inflateAll} has not run; {@code null} if
     * there is no such entry. The caller must not change the array.
     *
     * @throws JarReadException if the entry is damaged
     */
    public byte[] get(String name) {
        State s = state;
        if (s instanceof Compressed c) {
            Entry e = c.directory().get(name);
            return e == null ? null : inflate(c.jar(), name, e);
        }
        return ((Inflated) s).entries().get(name);
    }

    /**
     * Inflates every entry and checks its CRC, once; from then on the entries are served inflated
     * and the compressed bytes are let go.
     *
     * @throws JarReadException naming the first damaged entry
     */
    public void inflateAll() {
        State s = state;
        if (s instanceof Compressed c) {
            Map<String, byte[]> entries = new HashMap<>();
            c.directory().forEach((name, e) -> entries.put(name, inflate(c.jar(), name, e)));
            state = new Inflated(Collections.unmodifiableMap(entries));
        }
    }

    /** Whether the entries are held inflated (after {@link #inflateAll}). */
    public boolean inflated() {
        return state instanceof Inflated;
    }

    private byte[] inflate(byte[] jar, String name, Entry e) {
        ByteBuffer b = ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN);
        int at = e.localHeader();
        if (at + 30 > jar.length || b.getInt(at) != LOCAL_HEADER) {
            throw new JarReadException(file, "is not a valid jar (the local header of " + name + " is damaged)", null);
        }
        int data = at + 30 + Short.toUnsignedInt(b.getShort(at + 26)) + Short.toUnsignedInt(b.getShort(at + 28));
        if (data + (long) e.compressedSize() > jar.length) {
            throw new JarReadException(file, "is not a valid jar (entry " + name + " is cut short)", null);
        }
        // The sizes are checked before the array is allocated: the header's size is whatever the
        // jar claims, and a lie of 2 GB in a 100-byte jar would otherwise be an OutOfMemoryError
        // (a fuzz finding). A stored entry is its compressed bytes; a deflated one cannot inflate
        // to more than DEFLATE's best ratio allows.
        if (e.method() == STORED && e.compressedSize() != e.size()) {
            throw new JarReadException(file, "is not a valid jar (stored entry " + name + " has two sizes)", null);
        }
        if (e.method() == DEFLATED && e.size() > (long) e.compressedSize() * MAX_DEFLATE_RATIO + MAX_DEFLATE_RATIO) {
            throw new JarReadException(file, "is not a valid jar (entry " + name + " claims " + e.size()
                    + " bytes from " + e.compressedSize() + " compressed, more than deflate can hold)", null);
        }
        byte[] out = new byte[e.size()];
        if (e.method() == STORED) {
            System.arraycopy(jar, data, out, 0, e.size());
        } else {
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(jar, data, e.compressedSize());
                int n = 0;
                while (n < out.length && !inflater.finished()) {
                    int k = inflater.inflate(out, n, out.length - n);
                    if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    n += k;
                }
                if (n != out.length) {
                    throw new JarReadException(file, "is not a valid jar (entry " + name + " inflates to " + n
                            + " bytes, its header says " + out.length + ")", null);
                }
            } catch (DataFormatException ex) {
                throw new JarReadException(file, "is not a valid jar (entry " + name + " is damaged)", ex);
            } finally {
                inflater.end();
            }
        }
        CRC32 crc = new CRC32();
        crc.update(out);
        if (crc.getValue() != e.crc()) {
            throw new JarReadException(file, "is not a valid jar (entry " + name + " fails its CRC check)", null);
        }
        return out;
    }
}
