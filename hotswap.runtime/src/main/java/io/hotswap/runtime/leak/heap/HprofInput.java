package io.hotswap.runtime.leak.heap;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An HPROF file read front to back through one fixed buffer, as many times as a search needs:
 * memory stays the buffer's size whatever the dump's. Big-endian, as HPROF is; identifiers of 4 or
 * 8 bytes, as the header says.
 */
final class HprofInput implements Closeable {

    private static final int BUFFER = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER);
    private final int idSize;
    private final long start;
    // File offset of buf's first byte.
    private long bufStart;

    private HprofInput(FileChannel channel) throws IOException {
        this.channel = channel;
        buf.limit(0);
        StringBuilder format = new StringBuilder();
        for (int b = fill(1) ? u1() : -1; b != 0; b = fill(1) ? u1() : -1) {
            if (b < 0 || format.length() == 64) {
                throw new IOException("not an HPROF file: no format name ends in its first 64 bytes");
            }
            format.append((char) b);
        }
        if (!format.toString().startsWith("JAVA PROFILE 1.0.")) {
            throw new IOException("not an HPROF file: format \"" + format + "\"");
        }
        this.idSize = u4();
        if (idSize != 4 && idSize != 8) {
            throw new IOException("HPROF identifier size " + idSize + " is neither 4 nor 8");
        }
        u8(); // the dump's time
        this.start = offset();
    }

    static HprofInput open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new HprofInput(ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    int idSize() {
        return idSize;
    }

    /** Back to the first record. */
    void rewind() throws IOException {
        seek(start);
    }

    /** The file offset of the next byte. */
    long offset() {
        return bufStart + buf.position();
    }

    /** Whether the file has no more bytes. */
    boolean atEnd() throws IOException {
        return !fill(1);
    }

    int u1() throws IOException {
        need(1);
        return buf.get() & 0xFF;
    }

    int u2() throws IOException {
        need(2);
        return buf.getShort() & 0xFFFF;
    }

    int u4() throws IOException {
        need(4);
        return buf.getInt();
    }

    long u8() throws IOException {
        need(8);
        return buf.getLong();
    }

    long id() throws IOException {
        return idSize == 8 ? u8() : u4() & 0xFFFF_FFFFL;
    }

    /** An identifier at {@code at} bytes into the {@code length} bytes from here, which {@link #need} made available. */
    long idAt(int at) {
        int p = buf.position() + at;
        return idSize == 8 ? buf.getLong(p) : buf.getInt(p) & 0xFFFF_FFFFL;
    }

    String utf8(int length) throws IOException {
        need(length);
        String s = new String(buf.array(), buf.arrayOffset() + buf.position(), length, StandardCharsets.UTF_8);
        buf.position(buf.position() + length);
        return s;
    }

    /** Makes the next {@code n} bytes available in the buffer; false if they do not fit in it. */
    boolean window(int n) throws IOException {
        if (n > BUFFER) {
            return false;
        }
        need(n);
        return true;
    }

    void skip(long n) throws IOException {
        if (n <= buf.remaining()) {
            buf.position(buf.position() + (int) n);
        } else {
            seek(offset() + n);
        }
    }

    private void seek(long to) throws IOException {
        // A record skipped past the file's end is a cut dump too, not an end at a record boundary.
        if (to > channel.size()) {
            throw new EOFException("the HPROF file ends inside a record, at byte " + channel.size());
        }
        if (to >= bufStart && to <= bufStart + buf.limit()) {
            buf.position((int) (to - bufStart));
            return;
        }
        channel.position(to);
        bufStart = to;
        buf.clear().limit(0);
    }

    private void need(int n) throws IOException {
        if (!fill(n)) {
            throw new EOFException("the HPROF file ends inside a record, at byte " + offset());
        }
    }

    private boolean fill(int n) throws IOException {
        if (buf.remaining() >= n) {
            return true;
        }
        bufStart += buf.position();
        buf.compact();
        while (buf.position() < n) {
            if (channel.read(buf) < 0) {
                buf.flip();
                return buf.remaining() >= n;
            }
        }
        buf.flip();
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
