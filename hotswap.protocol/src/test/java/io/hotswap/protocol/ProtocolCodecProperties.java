package io.hotswap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The codec's round trip as a property: any record, encoded then decoded, is the same record.
 * Strings are any text without unpaired surrogates (which no UTF-8 line can carry; the writer
 * turns them into U+FFFD, see {@link #anUnpairedSurrogateDecodesAsTheReplacementCharacter}).
 */
class ProtocolCodecProperties {

    @Property(tries = 300)
    void aReplyDecodesToWhatWasEncoded(@ForAll("replies") Reply reply) throws ProtocolException {
        String line = ProtocolCodec.encode(reply);
        assertThat(line).as("one line").doesNotContain("\n", "\r");
        assertThat(ProtocolCodec.decodeReply(line)).isEqualTo(reply);
    }

    @Property(tries = 100)
    void aStatusDecodesToWhatWasEncoded(@ForAll("statuses") HostStatus status) throws ProtocolException {
        assertThat(ProtocolCodec.decodeStatus(ProtocolCodec.encode(status))).isEqualTo(status);
    }

    @Property(tries = 100)
    void aHostEntryDecodesToWhatWasEncoded(@ForAll("hostEntries") HostEntry host) throws ProtocolException {
        assertThat(ProtocolCodec.decodeHostEntry(ProtocolCodec.encode(host))).isEqualTo(host);
    }

    @Property(tries = 10)
    void aRequestDecodesToWhatWasEncoded(@ForAll Command command) throws ProtocolException {
        Request request = new Request(command);
        assertThat(ProtocolCodec.decodeRequest(ProtocolCodec.encode(request))).isEqualTo(request);
    }

    @Property(tries = 200)
    void anUnpairedSurrogateDecodesAsTheReplacementCharacter(@ForAll("text") String before, @ForAll("text") String after,
                                                              @ForAll("surrogates") char lone) throws ProtocolException {
        Reply reply = ErrorReply.of(before + lone + after);
        assertThat(ProtocolCodec.decodeReply(ProtocolCodec.encode(reply))).isEqualTo(ErrorReply.of(before + '\uFFFD' + after));
    }

    @Provide
    Arbitrary<Character> surrogates() {
        return Arbitraries.chars().range('\uD800', '\uDFFF');
    }

    /** Any text a UTF-8 line can carry: controls, quotes, backslashes, non-ASCII and pairs included. */
    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> bmp = Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF')
                .withChars('"', '\\', '/', '\n', '\t').ofMaxLength(12);
        Arbitrary<String> pairs = Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString);
        return Arbitraries.oneOf(bmp, bmp, pairs).list().ofMaxSize(3).map(parts -> String.join("", parts));
    }

    private Arbitrary<Optional<String>> optionalText() {
        return text().optional();
    }

    private Arbitrary<Instant> instants() {
        // From year -1200 to 5100, to the nanosecond: beyond 9999 toString has a sign, which parses too.
        return Combinators.combine(Arbitraries.longs().between(-100_000_000_000L, 100_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Reply> replies() {
        Arbitrary<Reply> errors = Combinators.combine(text(), optionalText(), optionalText()).as(ErrorReply::new);
        Arbitrary<Reply> reloads = Combinators.combine(Arbitraries.longs(), Arbitraries.longs(),
                Arbitraries.maps(text(), Arbitraries.of(ReloadOutcome.class)).ofMaxSize(4).map(LinkedHashMap::new))
                .as((g, t, o) -> new ReloadReply(new ReloadResult(g, t, o)));
        Arbitrary<Reply> leakPaths = Combinators.combine(text(), text(), text(), text()).as(LeakPathStatus::new)
                .list().ofMaxSize(3).map(LeaksReply::new);
        return Arbitraries.oneOf(errors, reloads, statuses().map(StatusReply::new), leakPaths);
    }

    @Provide
    Arbitrary<HostStatus> statuses() {
        Arbitrary<LibraryStatus> library = Combinators.combine(text(), optionalText(), Arbitraries.of(true, false), text())
                .as(LibraryStatus::new);
        Arbitrary<PluginStatus> plugin = Combinators.combine(text(), text(), optionalText(), text(), optionalText(),
                instants(), Arbitraries.longs(), Arbitraries.of(true, false))
                .as((n, v, dv, sha, f, at, g, r) -> new Object[] {n, v, dv, sha, f, at, g, r})
                .flatMap(p -> Combinators.combine(text().list().ofMaxSize(3), library.list().ofMaxSize(2)).as((req, libs) ->
                        plugin(p, req, libs)));
        Arbitrary<LeakStatus> leak = Combinators.combine(text(), text(), text(), instants(), Arbitraries.longs(),
                text().list().ofMaxSize(3), text().list().ofMaxSize(3)).as(LeakStatus::new);
        Arbitrary<Optional<ReloadingStatus>> reloading = Combinators.combine(instants(), optionalText(), text(), instants())
                .as(ReloadingStatus::new).optional();
        Arbitrary<long[]> counts = Arbitraries.longs().array(long[].class).ofSize(8);
        return Combinators.combine(text(), text(), counts, Arbitraries.of(true, false), plugin.list().ofMaxSize(3),
                leak.list().ofMaxSize(2), reloading)
                .as((host, dir, c, statik, plugins, leaks, r) -> new HostStatus(host, c[0], dir, c[1], c[2], statik, plugins,
                        c[3], c[4], c[5], c[6], leaks, r));
    }

    @SuppressWarnings("unchecked")
    private static PluginStatus plugin(Object[] p, List<String> requires, List<LibraryStatus> libraries) {
        return new PluginStatus((String) p[0], (String) p[1], (Optional<String>) p[2], (String) p[3],
                (Optional<String>) p[4], (Instant) p[5], (Long) p[6], (Boolean) p[7], requires, libraries);
    }

    @Provide
    Arbitrary<HostEntry> hostEntries() {
        // Paths as the endpoint directory makes them: absolute, of plain segments (Path.of
        // normalizes "a//b" and refuses NUL, so not any text is a path).
        Arbitrary<Path> paths = Arbitraries.strings().alpha().numeric().withChars('-', '.', '_', ' ').ofMinLength(1)
                .ofMaxLength(8).list().ofMinSize(1).ofMaxSize(4).map(s -> Path.of("/" + String.join("/", s)));
        return Combinators.combine(text(), Arbitraries.longs(), paths, paths, optionalText()).as(HostEntry::new);
    }
}
