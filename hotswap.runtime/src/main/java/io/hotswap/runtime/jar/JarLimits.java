package io.hotswap.runtime.jar;

/**
 * How big a plugin may be: its file, and everything it inflates to. The reader refuses a jar
 * past either limit with a {@link JarReadException} naming the file, the entry and the limit,
 * before it inflates anything.
 *
 * @param maxFileSize     the most bytes a plugin file may have: the file is read into the heap
 *                        whole and held there while its version runs (a reload holds the old and
 *                        the new version's bytes at once); a jar nested in a bundle and stored
 *                        compressed is inflated into the heap too, and held to the same limit
 * @param maxInflatedSize the most bytes all entries of a plugin may inflate to together, the
 *                        entries of the jars nested in its bundle included, counted by the sizes
 *                        the jars declare (an entry that inflates to more than it declares is
 *                        refused as damaged as soon as it passes it). Entries are checked and
 *                        served as streams, so this bounds the time a reload spends inflating
 *                        while it holds the reload lock, not the heap; only a class, the
 *                        descriptor, the manifest and a service file are inflated whole.
 */
public record JarLimits(long maxFileSize, long maxInflatedSize) {

    private static final long MIB = 1L << 20;

    /**
     * 64 MiB per file, 512 MiB inflated.
     *
     * @implNote A plugin file is held in the heap while its version runs, and twice while a
     *           reload replaces it: 64 MiB is over twenty times a bundle with Jackson (its three
     *           jars are 2.2 MiB), and two copies of it fit beside a host in a 256 MiB heap.
     *           Entries are checked and served as streams, so the inflated limit costs time, not
     *           heap: checking inflates about 500 MiB a second on one core of a loaded 2-core
     *           machine, so a plugin at the limit holds the reload lock about a second. Jackson's
     *           jars inflate to 5.4 MiB: 512 MiB is a hundred times a bundle with them, eight
     *           times the file limit, and stops a zip bomb (a megabyte that inflates a
     *           thousandfold) before it inflates anything.
     */
    public static final JarLimits DEFAULTS = new JarLimits(64 * MIB, 512 * MIB);

    /** @throws IllegalArgumentException if a limit is not positive */
    public JarLimits {
        if (maxFileSize <= 0) {
            throw new IllegalArgumentException("maxPluginFileSize must be positive, was " + maxFileSize);
        }
        if (maxInflatedSize <= 0) {
            throw new IllegalArgumentException("maxInflatedSize must be positive, was " + maxInflatedSize);
        }
    }

    /** The same limits with another file size. */
    public JarLimits withMaxFileSize(long bytes) {
        return new JarLimits(bytes, maxInflatedSize);
    }

    /** The same limits with another inflated size. */
    public JarLimits withMaxInflatedSize(long bytes) {
        return new JarLimits(maxFileSize, bytes);
    }

    /** A size as messages give it: {@code 1 GiB}, {@code 1.5 MiB}, {@code 812 bytes}. */
    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }
}
