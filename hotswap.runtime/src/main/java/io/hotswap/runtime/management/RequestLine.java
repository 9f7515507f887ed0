package io.hotswap.runtime.management;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The endpoint's side of the transport: one request line of UTF-8, bounded, from a client
 * channel. What the line says is {@link io.hotswap.protocol.ProtocolCodec}'s business.
 */
final class RequestLine {

    private RequestLine() {
    }

    /**
     * Reads one line of at most {@code max} bytes. A client that closes its output after a
     * request without newline is answered too.
     *
     * @throws BadRequestException if the line is longer than {@code max} bytes or not UTF-8
     * @throws EOFException        if the client closed before sending anything
     */
    static String read(ReadableByteChannel channel, int max) throws IOException, BadRequestException {
        ByteBuffer buf = ByteBuffer.allocate(max + 1);
        int scanned = 0;
        for (;;) {
            int n = channel.read(buf);
            int end = buf.position();
            for (int i = scanned; i < end; i++) {
                if (buf.get(i) == '\n') {
                    return text(buf, i);
                }
            }
            scanned = end;
            if (end > max) {
                throw new BadRequestException("request longer than " + max + " bytes");
            }
            if (n < 0) {
                if (end == 0) {
                    throw new EOFException("client closed without a request");
                }
                return text(buf, end);
            }
        }
    }

    private static String text(ByteBuffer buf, int end) throws BadRequestException {
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
