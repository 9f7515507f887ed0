package io.hotswap.runtime.jar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.build.StoredEntry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class JarEntriesTest {

    private static final Path FILE = Path.of("p.jar");
    private static final byte[] TEXT = "hello hello hello hello hello hello hello hello".repeat(20).getBytes(StandardCharsets.UTF_8);

    /** A zip with a deflated entry first, a directory, a stored entry and an empty one. */
    private static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("a/Text.txt"));
            out.write(TEXT);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("a/"));
            out.closeEntry();
            byte[] b = {1, 2, 3, 4};
            out.putNextEntry(StoredEntry.of("b/Stored.bin", b));
            out.write(b);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("empty"));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> all(JarEntries e) {
        Map<String, byte[]> m = new TreeMap<>();
        e.names().forEach(n -> m.put(n, e.get(n)));
        return m;
    }

    @Test
    void namesComeFromTheDirectoryAndEntriesInflateWhenAskedFor() throws IOException {
        JarEntries e = JarEntries.of(FILE, zip());

        assertThat(e.names()).containsExactlyInAnyOrder("a/Text.txt", "b/Stored.bin", "empty");
        assertThat(e.checked()).isFalse();
        assertThat(e.get("a/Text.txt")).isEqualTo(TEXT);
        assertThat(e.get("b/Stored.bin")).containsExactly(1, 2, 3, 4);
        assertThat(e.get("empty")).isEmpty();
        assertThat(e.get("a/")).as("directories are left out").isNull();
        assertThat(e.get("nope")).isNull();
        assertThat(e.checked()).as("asking for entries inflates only those").isFalse();
    }

    @Test
    void checkingLeavesTheEntriesAsTheyWere() throws IOException {
        JarEntries e = JarEntries.of(FILE, zip());
        Map<String, byte[]> lazily = all(e);

        e.check();

        assertThat(e.checked()).isTrue();
        assertThat(all(e)).containsOnlyKeys(lazily.keySet());
        lazily.forEach((name, bytes) -> assertThat(e.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void aDamagedEntryIsFoundByTheCheckAndNamed() throws IOException {
        byte[] zip = zip();
        // The first entry's data starts right after its 30-byte local header and its name.
        int data = 30 + "a/Text.txt".length();
        zip[data + 3] ^= 0x5A;
        zip[data + 4] ^= 0x5A;
        JarEntries e = JarEntries.of(FILE, zip);

        assertThat(e.names()).as("the directory is intact").contains("a/Text.txt");
        assertThatThrownBy(e::check).isInstanceOf(JarReadException.class)
                .hasMessageStartingWith("Jar p.jar is not a valid jar (entry a/Text.txt");
        assertThat(e.checked()).isFalse();
    }

    @Test
    void aWrongChecksumIsFound() throws IOException {
        byte[] zip = zip();
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int stored = centralEntry(zip, "b/Stored.bin");
        b.putInt(stored + 16, b.getInt(stored + 16) + 1);

        assertThatThrownBy(() -> JarEntries.of(FILE, zip).check())
                .hasMessage("Jar p.jar is not a valid jar (entry b/Stored.bin fails its CRC check)");
    }

    @Test
    void notAZipCutShortOrEmptyIsRefused() throws IOException {
        assertThatThrownBy(() -> JarEntries.of(FILE, "not a zip at all, but long enough".getBytes()))
                .isInstanceOf(JarReadException.class).hasMessageContaining("no zip central directory");
        assertThatThrownBy(() -> JarEntries.of(FILE, new byte[3])).hasMessageContaining("no zip central directory");
        byte[] zip = zip();
        byte[] cut = java.util.Arrays.copyOfRange(zip, 40, zip.length); // the directory points before the start
        assertThatThrownBy(() -> JarEntries.of(FILE, cut)).isInstanceOf(JarReadException.class);
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        new ZipOutputStream(empty).close();
        assertThatThrownBy(() -> JarEntries.of(FILE, empty.toByteArray())).hasMessageContaining("no entries");
    }

    @Test
    void aStreamServesAnEntryAsItsBytesWithoutTheCheck() throws IOException {
        JarEntries e = JarEntries.of(FILE, zip());

        assertThat(e.open("a/Text.txt").readAllBytes()).isEqualTo(TEXT);
        assertThat(e.open("b/Stored.bin").readAllBytes()).containsExactly(1, 2, 3, 4);
        assertThat(e.open("empty").read()).isEqualTo(-1);
        assertThat(e.open("nope")).isNull();
        assertThat(e.contains("a/Text.txt")).isTrue();
        assertThat(e.size("a/Text.txt")).isEqualTo(TEXT.length);
        assertThat(e.size("nope")).isEqualTo(-1);
        assertThat(e.checked()).isFalse();
    }

    @Test
    void aStreamOfAnEntryThatFailsItsCrcFailsItsReaderAtTheEnd() throws IOException {
        byte[] zip = zip();
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int text = centralEntry(zip, "a/Text.txt");
        b.putInt(text + 16, b.getInt(text + 16) + 1);
        JarEntries e = JarEntries.of(FILE, zip);

        assertThatThrownBy(() -> e.open("a/Text.txt").readAllBytes()).isInstanceOf(ZipException.class)
                .hasMessage("Jar p.jar is not a valid jar (entry a/Text.txt fails its CRC check)");
    }

    @Test
    void anEntryThatInflatesToMoreThanItDeclaresIsStoppedThere() throws IOException {
        byte[] zip = zip(Map.of("big.bin", new byte[1 << 20]));
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(centralEntry(zip, "big.bin") + 24, 1000); // declares 1000 bytes, inflates to 1 MiB
        JarEntries e = JarEntries.of(FILE, zip);

        assertThatThrownBy(e::check).isInstanceOf(JarReadException.class)
                .hasMessage("Jar p.jar is not a valid jar (entry big.bin inflates to more than the 1000 bytes its header says)");
        assertThatThrownBy(() -> e.open("big.bin").readAllBytes()).isInstanceOf(ZipException.class)
                .hasMessageContaining("inflates to more than the 1000 bytes its header says");
    }

    @Test
    void anEntryLargerThanTheInflatedLimitIsServedAsAStreamButNotWhole() throws IOException {
        byte[] zip = zip(Map.of("big.bin", new byte[1 << 20]));
        JarEntries e = JarEntries.of("p.jar", zip, 0, zip.length, JarLimits.DEFAULTS.withMaxInflatedSize(64 * 1024));

        assertThatThrownBy(() -> e.get("big.bin")).isInstanceOf(JarReadException.class)
                .hasMessage("Jar p.jar has entry big.bin of 1 MiB, more than the limit of 64 KiB on a plugin's"
                        + " inflated size (maxInflatedSize)");
        assertThat(e.open("big.bin").transferTo(java.io.OutputStream.nullOutputStream())).isEqualTo(1 << 20);
    }

    @Test
    void aStoredNestedJarIsAViewOfItsBundlesBytes() throws IOException {
        byte[] inner = zip();
        byte[] bundle = zip(Map.of("lib/inner.jar", inner), ZipEntry.STORED);
        JarEntries outer = JarEntries.of(FILE, bundle);

        JarEntries nested = outer.nested("lib/inner.jar", "p.jar!/lib/inner.jar");
        nested.check();

        assertThat(all(nested)).containsOnlyKeys("a/Text.txt", "b/Stored.bin", "empty");
        assertThat(nested.get("a/Text.txt")).isEqualTo(TEXT);
        assertThat(nested.open("a/Text.txt").readAllBytes()).isEqualTo(TEXT);
        assertThat(nested.where()).isEqualTo("p.jar!/lib/inner.jar");
    }

    @Test
    void aCompressedNestedJarLargerThanTheFileLimitIsRefused() throws IOException {
        byte[] inner = zip(Map.of("big.bin", new byte[1 << 20]), ZipEntry.STORED);
        byte[] bundle = zip(Map.of("lib/inner.jar", inner));
        JarEntries outer = JarEntries.of("p.jar", bundle, 0, bundle.length, JarLimits.DEFAULTS.withMaxFileSize(1000));

        assertThatThrownBy(() -> outer.nested("lib/inner.jar", "p.jar!/lib/inner.jar"))
                .isInstanceOf(JarReadException.class)
                .hasMessageStartingWith("Jar p.jar has nested jar lib/inner.jar compressed, inflating to 1.0 MiB,"
                        + " more than the limit of 1000 bytes on a plugin file (maxPluginFileSize)");
    }

    /** A zip of these entries, deflated. */
    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        return zip(entries, ZipEntry.DEFLATED);
    }

    private static byte[] zip(Map<String, byte[]> entries, int method) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                ZipEntry z = new ZipEntry(entry.getKey());
                out.putNextEntry(method == ZipEntry.STORED ? StoredEntry.of(z, entry.getValue()) : z);
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void noneHasNoEntries() {
        assertThat(JarEntries.none().names()).isEmpty();
        assertThat(JarEntries.none().get("x")).isNull();
    }

    @Test
    void aSizeTheCompressedBytesCannotHoldIsRefusedBeforeAnythingIsAllocated() throws IOException {
        // Found by JarReaderFuzzTest: a header claiming 2 GB made the reader allocate 2 GB.
        byte[] zip = zip();
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(centralEntry(zip, "a/Text.txt") + 24, Integer.MAX_VALUE - 8);
        b.putInt(centralEntry(zip, "b/Stored.bin") + 24, 1 << 30);

        JarEntries e = JarEntries.of(FILE, zip);
        assertThatThrownBy(() -> e.get("a/Text.txt")).isInstanceOf(JarReadException.class)
                .hasMessageStartingWith("Jar p.jar is not a valid jar (entry a/Text.txt claims 2147483639 bytes from ")
                .hasMessageEndingWith(" compressed, more than deflate can hold)");
        assertThatThrownBy(() -> e.get("b/Stored.bin"))
                .hasMessage("Jar p.jar is not a valid jar (stored entry b/Stored.bin has two sizes)");
    }

    private static int centralEntry(byte[] zip, String name) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = zip.length - 46; at >= 0; at--) {
            if (b.getInt(at) == 0x02014b50 && new String(zip, at + 46, b.getShort(at + 28), StandardCharsets.UTF_8).equals(name)) {
                return at;
            }
        }
        throw new AssertionError("no central directory entry " + name);
    }
}
