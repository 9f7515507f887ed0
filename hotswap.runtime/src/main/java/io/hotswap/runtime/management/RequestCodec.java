package io.hotswap.runtime.management;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The wire format of the management endpoint: one request line, one reply line, both UTF-8 JSON.
 * A request is {@code {"command":"reload"}} or {@code {"command":"status"}}, at most
 * {@value #MAX_LINE} bytes including its newline.
 */
final class RequestCodec {

    /** The longest request line accepted; a reply may be longer. */
    static final int MAX_LINE = 8192;

    private RequestCodec() {
    }

    static String encode(ManagementCommand command) {
        return JsonWriter.write(Map.of("command", command.wireName())) + "\n";
    }

    /** Parses one request line. */
    static ManagementCommand decode(String line) throws BadRequestException {
        Map<String, Object> json;
        try {
            json = JsonReader.parseObject(line);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("malformed request: " + e.getMessage());
        }
        Object command = json.get("command");
        if (!(command instanceof String name)) {
            throw new BadRequestException("malformed request: no \"command\" string");
        }
        return ManagementCommand.fromWire(name).orElseThrow(() ->
                new BadRequestException("unknown command '" + name + "'; expected reload or status"));
    }

    /**
     * Reads one line of at most {@code max} bytes. A client that closes its output after a
     * request without newline is answered too.
     *
     * @throws BadRequestException if the line is longer than {@code max} bytes
     * @throws EOFException        if the client closed before sending anything
     */
    static String readLine(ReadableByteChannel channel, int max) throws IOException, BadRequestException {
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

    private static String text(ByteBuffer buf, int end) {
        String s = new String(buf.array(), 0, end, StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
