package io.hotswap.runtime.management;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The endpoint's side of the transport: one request line of UTF-8, bounded, read from a client
 * channel as its bytes arrive (a non-blocking channel gives what it has; the endpoint's selector
 * calls {@link #readFrom} again when there is more). What the line says is
 * {@link io.hotswap.protocol.ProtocolCodec}'s business.
 *
 * <p>A line longer than the bound is not kept, but read on and discarded up to its newline, the
 * client's end of output or a second, larger bound: closing a Unix socket with unread input
 * resets the connection, and the client would lose the error reply. Not thread-safe: one reader
 * per connection.
 */
final class RequestLine {

    private final int max;
    private final long discardLimit;
    private final ByteBuffer buf;
    private int scanned;
    private long discarded;
    private boolean oversized;
    private boolean complete;
    private int end = -1; // where the line ends in buf, once complete and not oversized

    /**
     * @param max          the longest line kept, in bytes, newline not counted
     * @param discardLimit how many bytes of an oversized line are read away before the reply
     */
    RequestLine(int max, long discardLimit) {
        this.max = max;
        this.discardLimit = discardLimit;
        this.buf = ByteBuffer.allocate(max + 1);
    }

    /**
     * Reads what the channel has. A client that closes its output after a request without newline
     * is answered too.
     *
     * @return whether the request is complete: a newline, the end of input, or an oversized line
     *         read away to its newline, its end or the discard limit
     */
    boolean readFrom(ReadableByteChannel channel) throws IOException {
        while (!complete) {
            int n = channel.read(buf);
            if (oversized) {
                discard(n);
            } else {
                scan(n);
            }
            if (n <= 0 && !complete) {
                return false; // n == 0: nothing more for now (a non-blocking channel)
            }
        }
        return true;
    }

    private void scan(int n) {
        int at = buf.position();
        for (int i = scanned; i < at; i++) {
            if (buf.get(i) == '\n') {
                end = i;
                complete = true;
                return;
            }
        }
        scanned = at;
        if (at > max) {
            oversized = true;
            discarded = at;
            buf.clear();
        } else if (n < 0) {
            end = at;
            complete = true;
        }
    }

    private void discard(int n) {
        int at = buf.position();
        for (int i = 0; i < at; i++) {
            if (buf.get(i) == '\n') {
                complete = true;
                return;
            }
        }
        discarded += at;
        buf.clear();
        if (n < 0 || discarded >= discardLimit) {
            complete = true;
        }
    }

    /**
     * The line, without its newline (nor a carriage return before it); call once complete.
     *
     * @throws BadRequestException if the line is longer than the bound or not UTF-8
     * @throws EOFException        if the client closed before sending anything
     */
    String line() throws BadRequestException, EOFException {
        if (!complete) {
            throw new IllegalStateException("the request line is not complete yet");
        }
        if (oversized) {
            throw new BadRequestException("request longer than " + max + " bytes");
        }
        if (end == 0 && buf.position() == 0) {
            throw new EOFException("client closed without a request");
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf.array(), 0, end)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("malformed request: not UTF-8");
        }
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
