package io.hotswap.runtime.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/** The request line as a non-blocking channel delivers it: in pieces, with pauses. */
class RequestLineTest {

    /** Gives its chunks one read each, a pause (0) after each, then the end (-1) if closed. */
    private static class Chunks implements ReadableByteChannel {
        private final Deque<Object> reads = new ArrayDeque<>();
        long consumed;

        Chunks(boolean closes, String... chunks) {
            for (String c : chunks) {
                reads.add(ByteBuffer.wrap(c.getBytes(StandardCharsets.UTF_8)));
                reads.add(0);
            }
            if (closes) {
                reads.add(-1);
            }
        }

        @Override
        public int read(ByteBuffer dst) {
            Object next = reads.isEmpty() ? 0 : reads.peek();
            if (next instanceof Integer n) {
                if (n == 0) {
                    reads.poll();
                }
                return n;
            }
            ByteBuffer src = (ByteBuffer) next;
            int n = Math.min(dst.remaining(), src.remaining());
            dst.put(src.array(), src.position(), n);
            src.position(src.position() + n);
            consumed += n;
            if (!src.hasRemaining()) {
                reads.poll();
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static RequestLine readUntilComplete(ReadableByteChannel ch, int max, long discard) throws IOException {
        RequestLine line = new RequestLine(max, discard);
        for (int i = 0; i < 10_000 && !line.readFrom(ch); i++) {
            // each false is a pause of the channel; the selector would wait here
        }
        return line;
    }

    @Test
    void aLineInPiecesIsCompleteAtItsNewline() throws Exception {
        RequestLine line = new RequestLine(64, 1024);
        Chunks ch = new Chunks(false, "{\"comm", "and\":\"status\"}\r", "\n");
        assertThat(line.readFrom(ch)).isFalse();
        assertThat(line.readFrom(ch)).isFalse();
        assertThat(line.readFrom(ch)).isTrue();
        assertThat(line.line()).isEqualTo("{\"command\":\"status\"}");
    }

    @Test
    void aLineThatEndsWithTheClientsOutputIsComplete() throws Exception {
        assertThat(readUntilComplete(new Chunks(true, "{}"), 64, 1024).line()).isEqualTo("{}");
    }

    @Test
    void nothingBeforeTheEndIsAnEofAndAnEmptyLineIsALine() throws Exception {
        assertThatThrownBy(() -> readUntilComplete(new Chunks(true), 64, 1024).line()).isInstanceOf(EOFException.class);
        assertThat(readUntilComplete(new Chunks(true, "\n"), 64, 1024).line()).isEmpty();
    }

    @Test
    void anOversizedLineIsReadAwayToItsNewlineAndThenRefused() throws Exception {
        Chunks ch = new Chunks(false, "x".repeat(100), "y".repeat(300) + "\n", "never read");
        RequestLine line = readUntilComplete(ch, 64, 1024);

        assertThatThrownBy(line::line).isInstanceOf(BadRequestException.class).hasMessage("request longer than 64 bytes");
        assertThat(ch.consumed).as("read to the newline, no further than a buffer past it").isLessThan(401 + 65);
    }

    @Test
    void anOversizedLineIsReadAwayNoFurtherThanTheDiscardLimit() throws Exception {
        Chunks ch = new Chunks(false, "x".repeat(100_000));
        RequestLine line = readUntilComplete(ch, 64, 1000);

        assertThatThrownBy(line::line).isInstanceOf(BadRequestException.class);
        assertThat(ch.consumed).isBetween(1000L, 1000L + 65);
    }

    @Test
    void aLineThatIsNotUtf8IsRefused() throws Exception {
        RequestLine line = new RequestLine(64, 1024);
        ReadableByteChannel ch = new Chunks(false) {
            private boolean given;

            @Override
            public int read(ByteBuffer dst) {
                if (given) {
                    return 0;
                }
                given = true;
                dst.put(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
                return 3;
            }
        };
        assertThat(line.readFrom(ch)).isTrue();
        assertThatThrownBy(line::line).isInstanceOf(BadRequestException.class).hasMessage("malformed request: not UTF-8");
    }

    @Test
    void theLineIsNotThereBeforeItIsComplete() {
        assertThatThrownBy(() -> new RequestLine(8, 8).line()).isInstanceOf(IllegalStateException.class);
    }
}
