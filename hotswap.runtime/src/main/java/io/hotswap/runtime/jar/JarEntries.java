package io.hotswap.runtime.jar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The entries of a jar held in memory as the jar's own compressed bytes: the names and sizes
 * come from the zip's central directory, and an entry is inflated only when it is asked for,
 * each time it is asked for; nothing inflated is kept.
 *
 * <p>A reload reads every jar of the plugin directory, but most of them are usually unchanged:
 * their hash says so, and their running layer is carried over. A jar that will get a layer is
 * checked whole first ({@link #check}: every entry inflated through a small buffer and its size
 * and CRC compared), so a corrupt jar fails the reload at the read step while the old generation
 * keeps serving, not at a later class load. Afterwards a class is inflated when it is defined
 * ({@link #get}) and a resource is served as a stream ({@link #open}), so the heap holds the
 * compressed jar and one class at a time, never a large resource whole.
 *
 * <p>A jar stored in a bundle is a view of the bundle's bytes ({@link #nested}), not a copy.
 *
 * <p>Thread-safe: immutable but for the flag that {@link #check} has run.
 */
public final class JarEntries {

    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final long ZIP64_MARK = 0xFFFFFFFFL;
    // The largest array the JVM allocates (as in ArraysSupport.SOFT_MAX_ARRAY_LENGTH).
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    // What check() inflates into: enough for zlib to run at full speed, small beside any heap.
    private static final int CHECK_BUFFER = 32 * 1024;
    // DEFLATE's largest expansion: a 258-byte match in 2 bits, 1032 bytes out per byte in.
    private static final int MAX_DEFLATE_RATIO = 1032;

    private static final String VERSIONS = "META-INF/versions/";

    private static final JarEntries NONE = new JarEntries(null, new byte[0], 0, 0, Map.of(), Optional.empty(),
            JarLimits.DEFAULTS, true);

    /**
     * Where an entry's data is and what it should inflate to.
     *
     * @param localHeader where its local header starts, counted from the jar's start
     */
    private record Entry(int method, long crc, int compressedSize, long size, int localHeader) {
    }

    // What messages call this jar: its file, or "<bundle>!/<nested path>" for a nested jar.
    private final String file;
    // The jar is jar[start, start + length): the file's bytes, or a stored nested jar's in its bundle's.
    private final byte[] jar;
    private final int start;
    private final int length;
    private final Map<String, Entry> directory;
    // The first entry name that escapes the jar, kept out of the entries: the reader refuses the
    // jar once it knows which plugin the jar is, so that the error can name it.
    private final Optional<String> escaping;
    private final JarLimits limits;
    private volatile boolean checked;

    private JarEntries(String file, byte[] jar, int start, int length, Map<String, Entry> directory,
                       Optional<String> escaping, JarLimits limits, boolean checked) {
        this.file = file;
        this.jar = jar;
        this.start = start;
        this.length = length;
        this.directory = directory;
        this.escaping = escaping;
        this.limits = limits;
        this.checked = checked;
    }

    /** No entries: for plugins that were not read from a jar (static plugins). */
    public static JarEntries none() {
        return NONE;
    }

    /**
     * Reads the central directory of a jar in memory, with the default limits; inflates nothing.
     *
     * @param file for messages only
     * @throws JarReadException if the bytes are not a zip this reader supports
     */
    static JarEntries of(Path file, byte[] jar) {
        return of(String.valueOf(file), jar, 0, jar.length, JarLimits.DEFAULTS);
    }

    /**
     * Reads the central directory of a jar in memory; inflates nothing.
     *
     * @param file   what messages call the jar, e.g. {@code /plugins/alpha.jar!/META-INF/hotswap/lib/gson.jar}
     * @param jar    holds the jar at {@code [start, start + length)}; never changed, and kept
     * @param limits what {@link #get} and {@link #nested} refuse to inflate whole
     * @throws JarReadException if the bytes are not a zip this reader supports; an entry whose
     *         name escapes the jar ({@code ../}, an absolute path, a backslash) is left out and
     *         reported by {@link #escaping()}
     */
    static JarEntries of(String file, byte[] jar, int start, int length, JarLimits limits) {
        ByteBuffer b = ByteBuffer.wrap(jar, start, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        int end = endOfDirectory(file, b);
        int count = Short.toUnsignedInt(b.getShort(end + 10));
        long dirOffset = Integer.toUnsignedLong(b.getInt(end + 16));
        if (count == 0xFFFF || dirOffset == ZIP64_MARK) {
            throw new JarReadException(file, "is a zip64 archive, which plugins cannot be", null);
        }
        Map<String, Entry> directory = new HashMap<>();
        String escaping = null;
        long at = dirOffset;
        for (int i = 0; i < count; i++) {
            if (at + 46 > length || b.getInt((int) at) != DIRECTORY_ENTRY) {
                throw new JarReadException(file, "is not a valid jar (central directory entry " + i + " is damaged)", null);
            }
            int here = (int) at;
            int flags = Short.toUnsignedInt(b.getShort(here + 8));
            int method = Short.toUnsignedInt(b.getShort(here + 10));
            long crc = Integer.toUnsignedLong(b.getInt(here + 16));
            long compressed = Integer.toUnsignedLong(b.getInt(here + 20));
            long size = Integer.toUnsignedLong(b.getInt(here + 24));
            int nameLength = Short.toUnsignedInt(b.getShort(here + 28));
            int extraLength = Short.toUnsignedInt(b.getShort(here + 30));
            int commentLength = Short.toUnsignedInt(b.getShort(here + 32));
            long localHeader = Integer.toUnsignedLong(b.getInt(here + 42));
            if (here + 46L + nameLength > length) {
                throw new JarReadException(file, "is not a valid jar (central directory entry " + i + " is damaged)", null);
            }
            String name = new String(jar, start + here + 46, nameLength, StandardCharsets.UTF_8);
            at += 46L + nameLength + extraLength + commentLength;
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
            if (compressed >= length || size == ZIP64_MARK || localHeader >= length) {
                throw new JarReadException(file, "is not a valid jar (entry " + name + " lies outside it, or is zip64)", null);
            }
            if (directory.put(name, new Entry(method, crc, (int) compressed, size, (int) localHeader)) != null) {
                throw new JarReadException(file, "has two entries named " + name, null);
            }
        }
        if (directory.isEmpty() && escaping == null) {
            throw new JarReadException(file, "is not a valid jar (no entries could be read)", null);
        }
        return new JarEntries(file, jar, start, length, Map.copyOf(directory), Optional.ofNullable(escaping), limits, false);
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
     * entries themselves are left out.
     */
    JarEntries versioned(int release) {
        Map<String, Entry> view = new HashMap<>();
        Map<String, Integer> chosen = new HashMap<>();
        directory.forEach((name, e) -> {
            if (!name.startsWith(VERSIONS)) {
                view.putIfAbsent(name, e);
            }
        });
        directory.forEach((name, e) -> {
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
        return view(view);
    }

    private static int featureOf(String digits) {
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    /** The entries without those under {@code folder} (a bundle's plugin without its nested libraries). */
    JarEntries without(String folder) {
        Map<String, Entry> view = new HashMap<>(directory);
        view.keySet().removeIf(name -> name.startsWith(folder));
        return view(view);
    }

    private JarEntries view(Map<String, Entry> entries) {
        return new JarEntries(file, jar, start, length, Map.copyOf(entries), escaping, limits, checked);
    }

    /** The first entry name that would escape the jar if it were unpacked, left out of the entries. */
    Optional<String> escaping() {
        return escaping;
    }

    /** What messages call this jar. */
    String where() {
        return file;
    }

    /** The sum of the sizes the entries declare: what inflating all of them makes at most. */
    long declaredSize() {
        long sum = 0;
        for (Entry e : directory.values()) {
            sum += e.size();
        }
        return sum;
    }

    /** The entry that declares the largest size, if there is any entry. */
    Optional<String> largest() {
        return directory.entrySet().stream()
                .max(Comparator.comparingLong((Map.Entry<String, Entry> e) -> e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
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
        return directory.keySet();
    }

    /** Whether there is an entry of that name; inflates nothing. */
    public boolean contains(String name) {
        return directory.containsKey(name);
    }

    /** The size the jar declares for an entry (what it inflates to), or -1 if there is none. */
    public long size(String name) {
        Entry e = directory.get(name);
        return e == null ? -1 : e.size();
    }

    /**
     * The bytes of one entry, inflated now into a new array; {@code null} if there is no such
     * entry. For what must be whole: a class to define, the descriptor, the manifest.
     *
     * @throws JarReadException if the entry is damaged, or too large to hold whole: larger than
     *         the inflated limit, than an array can be, or than the heap has room for
     */
    public byte[] get(String name) {
        Entry e = directory.get(name);
        return e == null ? null : inflate(name, e);
    }

    /**
     * A stream of one entry's bytes, inflated as it is read from the compressed bytes; its
     * {@code read} throws a {@link ZipException} if the entry turns out damaged (a wrong size or
     * CRC, found at its end at the latest). {@code null} if there is no such entry.
     *
     * @throws JarReadException if the entry's local header is damaged
     */
    public InputStream open(String name) {
        Entry e = directory.get(name);
        return e == null ? null : new EntryStream(name, e, dataOf(name, e));
    }

    /**
     * Inflates every entry through a small buffer and checks its size and CRC, once; nothing is
     * kept. Stops at the first entry that inflates to more than it declares.
     *
     * @throws JarReadException naming the first damaged entry
     */
    public void check() {
        if (checked) {
            return;
        }
        long largest = directory.values().stream().mapToLong(Entry::size).max().orElse(0);
        byte[] buffer = new byte[(int) Math.max(1, Math.min(CHECK_BUFFER, largest))];
        Inflater inflater = new Inflater(true);
        try {
            for (Map.Entry<String, Entry> entry : directory.entrySet()) {
                check(entry.getKey(), entry.getValue(), inflater, buffer);
            }
        } finally {
            inflater.end();
        }
        checked = true;
    }

    /** Whether {@link #check} has passed. */
    public boolean checked() {
        return checked;
    }

    /**
     * The jar nested in this one under {@code name}: a view of these bytes if it is stored (as
     * {@code hotswap build} nests libraries), its CRC checked; inflated into the heap if it is
     * compressed, as long as that fits the file limit.
     *
     * @param where what messages call the nested jar
     * @throws JarReadException if the entry is damaged, too large, or not a jar
     */
    JarEntries nested(String name, String where) {
        Entry e = directory.get(name);
        if (e == null) {
            throw new IllegalArgumentException(file + " has no entry " + name);
        }
        if (e.method() == STORED) {
            int data = dataOf(name, e);
            requireStoredSizes(name, e);
            CRC32 crc = new CRC32();
            crc.update(jar, data, e.compressedSize());
            requireCrc(name, e, crc);
            return of(where, jar, data, e.compressedSize(), limits);
        }
        if (e.size() > limits.maxFileSize()) {
            throw new JarReadException(file, "has nested jar " + name + " compressed, inflating to "
                    + JarLimits.format(e.size()) + ", more than the limit of " + JarLimits.format(limits.maxFileSize())
                    + " on a plugin file (maxPluginFileSize), which a nested jar is held to once inflated:"
                    + " nest it stored, as hotswap build does", null);
        }
        byte[] bytes = inflate(name, e);
        return of(where, bytes, 0, bytes.length, limits);
    }

    /** Where an entry's data starts in {@link #jar}, after its local header. */
    private int dataOf(String name, Entry e) {
        ByteBuffer b = ByteBuffer.wrap(jar, start, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        int at = e.localHeader();
        if (at + 30L > length || b.getInt(at) != LOCAL_HEADER) {
            throw new JarReadException(file, "is not a valid jar (the local header of " + name + " is damaged)", null);
        }
        long data = at + 30L + Short.toUnsignedInt(b.getShort(at + 26)) + Short.toUnsignedInt(b.getShort(at + 28));
        if (data + e.compressedSize() > length) {
            throw new JarReadException(file, "is not a valid jar (entry " + name + " is cut short)", null);
        }
        return start + (int) data;
    }

    private byte[] inflate(String name, Entry e) {
        int data = dataOf(name, e);
        // The header's size is whatever the jar claims: a deflated entry cannot inflate to more
        // than DEFLATE's best ratio allows, so a 2 GB lie in a 100-byte jar is refused before the
        // array is allocated (a fuzz finding).
        if (e.method() == DEFLATED && e.size() > (long) e.compressedSize() * MAX_DEFLATE_RATIO + MAX_DEFLATE_RATIO) {
            throw new JarReadException(file, "is not a valid jar (entry " + name + " claims " + e.size()
                    + " bytes from " + e.compressedSize() + " compressed, more than deflate can hold)", null);
        }
        if (e.method() == STORED) {
            requireStoredSizes(name, e); // a stored entry is its compressed bytes: two sizes is a lie
        }
        byte[] out = allocate(name, e.size());
        if (e.method() == STORED) {
            System.arraycopy(jar, data, out, 0, out.length);
        } else {
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(jar, data, e.compressedSize());
                int n = 0;
                while (n < out.length && !inflater.finished()) {
                    long before = inflater.getBytesRead();
                    int k = inflater.inflate(out, n, out.length - n);
                    if (k == 0 && (inflater.needsInput() || inflater.needsDictionary() || inflater.getBytesRead() == before)) {
                        break;
                    }
                    n += k;
                }
                requireSize(name, e, n);
            } catch (DataFormatException ex) {
                throw new JarReadException(file, "is not a valid jar (entry " + name + " is damaged)", ex);
            } finally {
                inflater.end();
            }
        }
        CRC32 crc = new CRC32();
        crc.update(out);
        requireCrc(name, e, crc);
        return out;
    }

    /**
     * The one allocation whose size a jar chooses. An array the heap has no room for is refused
     * whole, before anything is written into it, so refusing it leaves the heap as it was: the
     * {@code OutOfMemoryError} is turned into the jar's error instead of ending the reload.
     */
    private byte[] allocate(String name, long size) {
        if (size > limits.maxInflatedSize()) {
            throw new JarReadException(file, "has entry " + name + " of " + JarLimits.format(size) + ", more than the limit of "
                    + JarLimits.format(limits.maxInflatedSize()) + " on a plugin's inflated size (maxInflatedSize)", null);
        }
        if (size > MAX_ARRAY) {
            throw new JarReadException(file, "has entry " + name + " of " + JarLimits.format(size)
                    + ", which must be read whole and is larger than an array can be", null);
        }
        try {
            return new byte[(int) size];
        } catch (OutOfMemoryError e) {
            throw new JarReadException(file, "has entry " + name + " of " + JarLimits.format(size)
                    + ", which must be read whole and does not fit in the heap (at most "
                    + JarLimits.format(Runtime.getRuntime().maxMemory()) + ")", null);
        }
    }

    private void check(String name, Entry e, Inflater inflater, byte[] buffer) {
        int data = dataOf(name, e);
        CRC32 crc = new CRC32();
        if (e.method() == STORED) {
            requireStoredSizes(name, e);
            crc.update(jar, data, e.compressedSize());
        } else {
            inflater.reset();
            inflater.setInput(jar, data, e.compressedSize());
            long n = 0;
            try {
                while (!inflater.finished()) {
                    long before = inflater.getBytesRead();
                    int k = inflater.inflate(buffer);
                    if (k == 0 && (inflater.needsInput() || inflater.needsDictionary() || inflater.getBytesRead() == before)) {
                        break;
                    }
                    n += k;
                    if (n > e.size()) {
                        throw new JarReadException(file, "is not a valid jar (entry " + name
                                + " inflates to more than the " + e.size() + " bytes its header says)", null);
                    }
                    crc.update(buffer, 0, k);
                }
            } catch (DataFormatException ex) {
                throw new JarReadException(file, "is not a valid jar (entry " + name + " is damaged)", ex);
            }
            requireSize(name, e, n);
        }
        requireCrc(name, e, crc);
    }

    private void requireStoredSizes(String name, Entry e) {
        if (e.compressedSize() != e.size()) {
            throw new JarReadException(file, "is not a valid jar (stored entry " + name + " has two sizes)", null);
        }
    }

    private void requireSize(String name, Entry e, long n) {
        if (n != e.size()) {
            throw new JarReadException(file, "is not a valid jar (entry " + name + " inflates to " + n
                    + " bytes, its header says " + e.size() + ")", null);
        }
    }

    private void requireCrc(String name, Entry e, CRC32 crc) {
        if (crc.getValue() != e.crc()) {
            throw new JarReadException(file, "is not a valid jar (entry " + name + " fails its CRC check)", null);
        }
    }

    /**
     * One entry read as a stream: stored bytes copied out, deflated ones inflated as they are
     * read; its size and CRC compared at its end, so a damaged entry fails its reader as
     * {@code JarFile}'s streams do.
     */
    private final class EntryStream extends InputStream {
        private final String name;
        private final Entry entry;
        // Null for a stored entry.
        private final Inflater inflater;
        private final CRC32 crc = new CRC32();
        private final byte[] one = new byte[1];
        private int next;
        private long read;
        private boolean ended;

        EntryStream(String name, Entry entry, int data) {
            this.name = name;
            this.entry = entry;
            this.next = data;
            if (entry.method() == STORED) {
                requireStoredSizes(name, entry);
                this.inflater = null;
            } else {
                this.inflater = new Inflater(true);
                inflater.setInput(jar, data, entry.compressedSize());
            }
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (ended) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int k = inflater == null ? copy(b, off, len) : inflate(b, off, len);
            if (k == 0) {
                end();
                return -1;
            }
            read += k;
            if (read > entry.size()) {
                throw damaged("inflates to more than the " + entry.size() + " bytes its header says", null);
            }
            crc.update(b, off, k);
            return k;
        }

        private int copy(byte[] b, int off, int len) {
            int k = (int) Math.min(len, entry.size() - read);
            System.arraycopy(jar, next, b, off, k);
            next += k;
            return k;
        }

        private int inflate(byte[] b, int off, int len) throws IOException {
            try {
                while (!inflater.finished()) {
                    long before = inflater.getBytesRead();
                    int k = inflater.inflate(b, off, len);
                    if (k > 0) {
                        return k;
                    }
                    if (inflater.needsInput() || inflater.needsDictionary() || inflater.getBytesRead() == before) {
                        break;
                    }
                }
                return 0;
            } catch (DataFormatException ex) {
                throw damaged("is damaged", ex);
            }
        }

        private void end() throws IOException {
            ended = true;
            close();
            if (read != entry.size()) {
                throw damaged("inflates to " + read + " bytes, its header says " + entry.size(), null);
            }
            if (crc.getValue() != entry.crc()) {
                throw damaged("fails its CRC check", null);
            }
        }

        private ZipException damaged(String problem, Throwable cause) {
            ended = true;
            close();
            ZipException e = new ZipException("Jar " + file + " is not a valid jar (entry " + name + " " + problem + ")");
            e.initCause(cause);
            return e;
        }

        @Override
        public int available() {
            return ended ? 0 : (int) Math.min(Integer.MAX_VALUE, entry.size() - read);
        }

        @Override
        public void close() {
            ended = true;
            if (inflater != null) {
                inflater.end();
            }
        }
    }
}
