package io.hotswap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolCodecTest {

    private static final String SHA = "0123456789abcdef".repeat(4);

    static HostStatus status() {
        PluginStatus bundle = new PluginStatus("greeter", "1.0 sha256:0123456789ab", Optional.of("1.0"), SHA,
                Optional.of("/srv/plugins/greeter.jar"), Instant.parse("2026-12-01T10:00:00Z"), 3, true, List.of("alpha"),
                List.of(new LibraryStatus("com.google.gson", Optional.of("2.10.1"), false,
                                "META-INF/hotswap/lib/gson-2.10.1.jar"),
                        new LibraryStatus("tiny", Optional.empty(), true, "META-INF/hotswap/lib/tiny.jar")));
        PluginStatus fromModulePath = new PluginStatus("ticker", "sha256:0123456789ab", Optional.empty(), SHA,
                Optional.empty(), Instant.parse("2026-12-01T10:00:01.5Z"), 1, false, List.of(), List.of());
        LeakStatus leak = new LeakStatus("old", "sha256:ba9876543210", "old@1", Instant.parse("2026-12-01T09:00:00Z"), 42,
                List.of("worker-1", "tick \"quoted\""), List.of("JDBC driver acc.leaky.Driver registered in DriverManager"));
        return new HostStatus("host \u00e9", 4242, "/srv/plugins", 3, 2, false, List.of(bundle, fromModulePath), 1, 2, 1,
                1, List.of(leak), Optional.of(new ReloadingStatus(Instant.parse("2026-12-01T10:31:02Z"), Optional.of("acc.hang"),
                        "onLoad()", Instant.parse("2026-12-01T10:31:02.250Z"))));
    }

    @Nested
    class RoundTrips {

        @Test
        void everyRequest() throws ProtocolException {
            for (Command c : Command.values()) {
                Request r = new Request(c);
                assertThat(ProtocolCodec.decodeRequest(ProtocolCodec.encode(r))).isEqualTo(r);
            }
            assertThat(ProtocolCodec.encode(new Request(Command.STATUS))).isEqualTo("{\"command\":\"status\"}");
        }

        @Test
        void aStatusReplyWithPluginsLibrariesAndLeaks() throws ProtocolException {
            StatusReply reply = new StatusReply(status());

            String line = ProtocolCodec.encode(reply);

            assertThat(line).doesNotContain("\n");
            assertThat(ProtocolCodec.decodeReply(line)).isEqualTo(reply);
            assertThat(ProtocolCodec.decodeStatus(ProtocolCodec.encode(status()))).isEqualTo(status());
        }

        @Test
        void aReloadReplyKeepsTheOrderOfItsOutcomes() throws ProtocolException {
            Map<String, ReloadOutcome> outcomes = new LinkedHashMap<>();
            outcomes.put("zeta", ReloadOutcome.OK);
            outcomes.put("alpha", ReloadOutcome.RELINKED);
            outcomes.put("beta", ReloadOutcome.UNCHANGED);
            outcomes.put("gamma", ReloadOutcome.NOT_RELOADABLE);
            outcomes.put("old", ReloadOutcome.REMOVED);
            ReloadReply reply = new ReloadReply(new ReloadResult(7, 12, outcomes));

            String line = ProtocolCodec.encode(reply);
            Reply back = ProtocolCodec.decodeReply(line);

            assertThat(line).isEqualTo("{\"ok\":true,\"details\":{\"generation\":7,\"tookMillis\":12,\"outcomes\":"
                    + "{\"zeta\":\"OK\",\"alpha\":\"RELINKED\",\"beta\":\"UNCHANGED\",\"gamma\":\"NOT_RELOADABLE\","
                    + "\"old\":\"REMOVED\"}}}");
            assertThat(back).isEqualTo(reply);
            assertThat(((ReloadReply) back).details().outcomes().keySet()).containsExactly("zeta", "alpha", "beta",
                    "gamma", "old");
            assertThat(((ReloadReply) back).details()).hasToString(
                    "generation 7 in 12 ms: zeta=OK alpha=RELINKED beta=UNCHANGED gamma=NOT_RELOADABLE old=REMOVED");
        }

        @Test
        void aLeaksReplyCarriesEachChainAsWritten() throws ProtocolException {
            LeaksReply reply = new LeaksReply(List.of(new LeakPathStatus("acc.leaky", "1.0 sha256:0123456789ab",
                    "plugin-acc.leaky@0123456789ab#1", "static field io.host.Registry.LISTENERS -> java.lang.Object[] [0]"
                    + " -> class loader plugin-acc.leaky@0123456789ab#1")));

            String line = ProtocolCodec.encode(reply);

            assertThat(line).startsWith("{\"ok\":true,\"leakPaths\":[{\"plugin\":\"acc.leaky\",\"version\":");
            assertThat(ProtocolCodec.decodeReply(line)).isEqualTo(reply);
            assertThat(ProtocolCodec.decodeReply("{\"ok\":true,\"leakPaths\":[]}")).isEqualTo(new LeaksReply(List.of()));
        }

        @Test
        void anErrorReplyWithAndWithoutPluginAndStep() throws ProtocolException {
            ErrorReply failed = new ErrorReply("Plugin hello failed at step 'onLoad()': no database",
                    Optional.of("hello"), Optional.of("onLoad()"));
            ErrorReply refused = ErrorReply.of("busy: 4 requests are being served; try again");

            assertThat(ProtocolCodec.decodeReply(ProtocolCodec.encode(failed))).isEqualTo(failed);
            assertThat(ProtocolCodec.decodeReply(ProtocolCodec.encode(refused))).isEqualTo(refused);
            assertThat(ProtocolCodec.encode(refused)).isEqualTo(
                    "{\"ok\":false,\"error\":\"busy: 4 requests are being served; try again\",\"plugin\":null,\"step\":null}");
            assertThat(refused.ok()).isFalse();
        }

        @Test
        void aHostEntryWithAndWithoutStartTime() throws ProtocolException {
            HostEntry started = new HostEntry("hello", 12, Path.of("/srv/plugins"), Path.of("/run/hotswap-me/hello-12.sock"),
                    Optional.of("2026-12-01T10:00:00Z"));
            HostEntry unknown = new HostEntry("h \"x\"", 13, Path.of("p"), Path.of("s.sock"), Optional.empty());

            assertThat(ProtocolCodec.decodeHostEntry(ProtocolCodec.encode(started))).isEqualTo(started);
            assertThat(ProtocolCodec.decodeHostEntry(ProtocolCodec.encode(unknown))).isEqualTo(unknown);
        }
    }

    @Nested
    class Refusals {

        @Test
        void aMalformedRequestSaysWhereAndWhat() {
            assertThatThrownBy(() -> ProtocolCodec.decodeRequest("hello there"))
                    .isInstanceOf(ProtocolException.class).hasMessageStartingWith("malformed request: malformed JSON at position 0");
            assertThatThrownBy(() -> ProtocolCodec.decodeRequest("{\"verb\":1}")).hasMessage("malformed request: no \"command\" string");
            assertThatThrownBy(() -> ProtocolCodec.decodeRequest("{\"command\":\"format-disk\"}"))
                    .hasMessage("unknown command 'format-disk'; expected reload, status or leaks");
            assertThatThrownBy(() -> ProtocolCodec.decodeRequest("{\"command\":\"status\",\"command\":\"reload\"}"))
                    .hasMessageContaining("duplicate key \"command\"");
        }

        @Test
        void anArrayWhereAnObjectBelongsIsNamedAsAnArrayNotAsAJavaType() {
            assertThatThrownBy(() -> ProtocolCodec.decodeRequest("[\"status\"]"))
                    .hasMessage("malformed request: expected a JSON object, got an array");
            assertThatThrownBy(() -> ProtocolCodec.decodeReply("{\"ok\":true,\"status\":[]}"))
                    .hasMessage("status: expected an object, got an array");
        }

        @Test
        void aReplyOfTheWrongShapeNamesTheFieldAndWhatWasThere() {
            String good = ProtocolCodec.encode(new StatusReply(status()));

            assertThatThrownBy(() -> ProtocolCodec.decodeReply(good.replace("\"sha256\":\"" + SHA + "\"", "\"sha256\":7")))
                    .hasMessage("status.plugins[0].sha256: expected a string, got a number");
            assertThatThrownBy(() -> ProtocolCodec.decodeReply(good.replace("\"pid\":4242", "\"pid\":\"4242\"")))
                    .hasMessage("status.pid: expected an integer, got a string");
            assertThatThrownBy(() -> ProtocolCodec.decodeReply(good.replace("\"generation\":3,\"reloadCounter\"", "\"generation\":3.5,\"reloadCounter\"")))
                    .hasMessage("status.generation: expected an integer, got a number");
            assertThatThrownBy(() -> ProtocolCodec.decodeReply(good.replace("\"threads\":[\"worker-1\"", "\"threads\":[{}")))
                    .hasMessage("status.leaks[0].threads[0]: expected a string, got an object");
            assertThatThrownBy(() -> ProtocolCodec.decodeReply(good.replace("\"loadedAt\":\"2026-12-01T10:00:00Z\"", "\"loadedAt\":\"yesterday\"")))
                    .hasMessage("status.plugins[0].loadedAt: expected an ISO-8601 instant, got \"yesterday\"");
            assertThatThrownBy(() -> ProtocolCodec.decodeReply("{\"ok\":true,\"details\":{\"generation\":1,\"tookMillis\":1,"
                    + "\"outcomes\":{\"a\":\"EXPLODED\"}}}")).hasMessage("details.outcomes.a: unknown value \"EXPLODED\"");
            assertThatThrownBy(() -> ProtocolCodec.decodeReply("{\"ok\":false}")).hasMessage("error: is missing");
            assertThatThrownBy(() -> ProtocolCodec.decodeReply("{\"ok\":\"yes\"}")).hasMessage("ok: expected true or false, got a string");
            assertThatThrownBy(() -> ProtocolCodec.decodeReply("{\"ok\":true}"))
                    .hasMessage("a reply with \"ok\":true carries \"status\", \"details\" or \"leakPaths\", this one none");
            assertThatThrownBy(() -> ProtocolCodec.decodeReply("{\"ok\":true,\"leakPaths\":[{\"plugin\":\"a\"}]}"))
                    .hasMessage("leakPaths[0].version: is missing");
        }

        @Test
        void noRefusalNamesAJavaType() {
            String good = ProtocolCodec.encode(new StatusReply(status()));
            List<String> bad = List.of("[]", "\"x\"", "1", "null", "true", "{\"ok\":[]}", "{\"ok\":false,\"error\":{}}",
                    "{\"ok\":true,\"status\":1}", "{\"ok\":true,\"details\":\"x\"}",
                    good.replace("\"plugins\":[", "\"plugins\":[[],"), good.replace("\"leaks\":[{", "\"leaks\":[null,{"),
                    good.replace("\"requires\":[\"alpha\"]", "\"requires\":[true]"),
                    good.replace("\"libraries\":[{", "\"libraries\":[1.5,{"));
            for (String text : bad) {
                assertThatThrownBy(() -> ProtocolCodec.decodeReply(text)).as(text)
                        .isInstanceOf(ProtocolException.class)
                        .message().doesNotContainPattern("List|Map|Long|Double|Boolean|Integer|String|Object\\b|java\\.|Unmodifiable");
            }
        }

        // A runtime older than bundles sends no "libraries", one older than the holder checks no "holders".
        @ParameterizedTest
        @ValueSource(strings = {"libraries", "holders"})
        void aStatusFromAnOlderRuntimeWithoutAListReadsAsOneWithTheListEmpty(String key) throws ProtocolException {
            String good = ProtocolCodec.encode(new StatusReply(status()));
            String list = ",\"" + key + "\":\\[[^\\]]*\\]";
            String older = good.replaceAll(list, "");

            assertThat(older).doesNotContain(key);
            assertThat(ProtocolCodec.encode(ProtocolCodec.decodeReply(older)))
                    .isEqualTo(good.replaceAll(list, ",\"" + key + "\":[]"));
        }
    }
}
