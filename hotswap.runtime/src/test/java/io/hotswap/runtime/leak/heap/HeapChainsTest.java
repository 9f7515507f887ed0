package io.hotswap.runtime.leak.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on dumps it did not ask for: what is not a dump, or not all of one, fails saying so. */
class HeapChainsTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatIsNoHeapDumpFailsSayingSo() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.hprof"), "JAVA PROFILE? no, a note\n");

        assertThatThrownBy(() -> HeapChains.read(file, List.of("x"))).isInstanceOf(IOException.class)
                .hasMessage("not an HPROF file: no format name ends in its first 64 bytes");
    }

    @Test
    void aDumpCutShortFailsNamingTheByteWhereItEnds() throws IOException {
        Path dump = dumpOfThisJvm("whole.hprof");
        try (FileChannel ch = FileChannel.open(dump, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }

        assertThatThrownBy(() -> HeapChains.read(dump, List.of("x"))).isInstanceOf(EOFException.class)
                .hasMessageContaining("the HPROF file ends inside a record, at byte");
    }

    @Test
    void aDumpWithoutTheMarkerFailsNamingIt() throws IOException {
        Path dump = dumpOfThisJvm("unmarked.hprof");

        assertThatThrownBy(() -> HeapChains.read(dump, List.of("x"))).isInstanceOf(IOException.class)
                .hasMessageEndingWith("holds no " + HeapMarker.CLASS + "." + HeapMarker.FIELD);
    }

    @Test
    void aLoaderHeldByALiveThreadsContextIsNamedFromThatThread() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Thread t = threadHoldingALoader(stop);
        try {
            List<String> chains = HeapChains.explain(List.of(contextOf(t)), List.of("held-by-a-thread"), dir);
            assertThat(chains).singleElement().asString()
                    .isEqualTo("live thread java.lang.Thread.contextClassLoader -> class loader held-by-a-thread");
            try (var files = Files.list(dir)) {
                assertThat(files).isEmpty();
            }
        } finally {
            stop.countDown();
            t.join();
        }
    }

    private Path dumpOfThisJvm(String name) throws IOException {
        Path dump = dir.resolve(name);
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump.toString(), true);
        return dump;
    }

    // Helpers with frames of their own: no local variable of the test holds the loader.
    private static Thread threadHoldingALoader(CountDownLatch stop) {
        Thread t = new Thread(() -> {
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "holder");
        t.setContextClassLoader(new ClassLoader("held-by-a-thread", null) { });
        t.start();
        return t;
    }

    private static WeakReference<ClassLoader> contextOf(Thread t) {
        return new WeakReference<>(t.getContextClassLoader());
    }
}
