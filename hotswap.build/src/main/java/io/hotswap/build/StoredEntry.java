package io.hotswap.build;

import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * A zip entry stored uncompressed: its size, compressed size and CRC must be known before its
 * bytes are written, so they are taken from the bytes here. A bundle's nested library jars are
 * stored (the runtime reads them straight out of the bundle's bytes); so are empty files and
 * directories, as the {@code jar} tool stores them. The one place that knows how.
 */
public final class StoredEntry {

    private StoredEntry() {
    }

    /** {@code entry} made a stored entry of {@code bytes}, which the caller then writes whole. */
    public static ZipEntry of(ZipEntry entry, byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        return entry;
    }

    /** A stored entry named {@code name} for {@code bytes}. */
    public static ZipEntry of(String name, byte[] bytes) {
        return of(new ZipEntry(name), bytes);
    }

    /** {@code entry} made an empty stored entry (a directory, or an empty file). */
    public static ZipEntry empty(ZipEntry entry) {
        return of(entry, new byte[0]);
    }
}
