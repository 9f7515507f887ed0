package io.hotswap.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The management protocol's codec against any text, as an endpoint or a client receives it:
 * every decoder either returns a record or throws {@link ProtocolException}, and the JSON reader
 * under them either returns a value or throws its {@link IllegalArgumentException} (which the
 * codec turns into a {@code ProtocolException}). A record that decodes encodes to text that decodes
 * to the same record. Anything else, an {@link OutOfMemoryError} or a timeout is a finding.
 *
 * <p>The input is the request line's bytes as UTF-8 (malformed sequences become U+FFFD, as a
 * lenient decoder would make them; the endpoint refuses them before the codec sees them), so the
 * seeds in {@code ProtocolCodecFuzzTestInputs/anyLine/} are plain JSON text.
 */
class ProtocolCodecFuzzTest {

    // Twice the longest request: replies may be longer, but length adds no structure.
    private static final int MAX_INPUT = 2 * ProtocolCodec.MAX_REQUEST_BYTES;

    @FuzzTest(maxDuration = "2m")
    void anyLine(byte[] data) {
        if (data.length > MAX_INPUT) {
            return;
        }
        String line = new String(data, StandardCharsets.UTF_8);
        try {
            JsonReader.parse(line);
        } catch (IllegalArgumentException expected) {
            // the reader's own refusal, with a position
        }
        try {
            Request r = ProtocolCodec.decodeRequest(line);
            same(r, ProtocolCodec.decodeRequest(ProtocolCodec.encode(r)));
        } catch (ProtocolException expected) {
            // refused
        }
        try {
            Reply r = ProtocolCodec.decodeReply(line);
            same(r, ProtocolCodec.decodeReply(ProtocolCodec.encode(r)));
        } catch (ProtocolException expected) {
            // refused
        }
        try {
            HostStatus s = ProtocolCodec.decodeStatus(line);
            same(s, ProtocolCodec.decodeStatus(ProtocolCodec.encode(s)));
        } catch (ProtocolException expected) {
            // refused
        }
        try {
            HostEntry h = ProtocolCodec.decodeHostEntry(line);
            same(h, ProtocolCodec.decodeHostEntry(ProtocolCodec.encode(h)));
        } catch (ProtocolException expected) {
            // refused
        }
    }

    private static void same(Object decoded, Object again) {
        if (!decoded.equals(again)) {
            throw new AssertionError("decoded " + decoded + ", but its encoding decodes to " + again);
        }
    }
}
