package io.hotswap.protocol;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one codec of the management protocol and of the endpoint's sidecar files: every record of
 * this package to one line of JSON and back. Encoding never fails; decoding refuses, with a
 * {@link ProtocolException} naming the position or the field, whatever is not strict JSON
 * (RFC 8259) or not of the record's shape. Fields are written in a fixed order, absent values as
 * {@code null}, so equal records give equal text.
 *
 * <p>Requests are {@code {"command":"reload"}} or {@code {"command":"status"}}, at most
 * {@value #MAX_REQUEST_BYTES} bytes with their newline; replies {@code {"ok":true,"status":{...}}},
 * {@code {"ok":true,"details":{...}}} or {@code {"ok":false,"error":...,"plugin":...,"step":...}},
 * of any length. The transport (one line each way, UTF-8) is the endpoint's and the client's.
 *
 * @implNote <b>Why a hand-written reader and not Gson.</b> Gson (2.13.2, a named module) was
 *     measured against the five inputs RFC 8259 refuses: with {@code Strictness.STRICT} its
 *     {@code JsonReader} refuses {@code 012}, {@code 1.} and non-JSON whitespace (U+000B, U+00A0),
 *     but accepts a lone surrogate, escaped or raw, and its {@code JsonParser} keeps the last of
 *     two equal keys (only its {@code Map} adapter refuses them), so two of the five checks would
 *     still be ours; its messages name {@code com.google.gson.stream.MalformedJsonException} and
 *     advise {@code Strictness.LENIENT}, which an error reply must not show. In return it would cost
 *     a 290 KB jar in the image and, for parsing one status reply in a fresh JVM, 99 more classes
 *     loaded (636 against 537) and 10 to 20 ms more start time (61-65 ms against 44-51 ms per run,
 *     20 runs each, JDK 17, 2 cores), on a command whose start time matters ({@code bin/hotswap
 *     status}). The reader here is some 300 lines, strict on all five and tested on each.
 * @since 0.2
 */
public final class ProtocolCodec {

    /** The longest request line an endpoint accepts, newline included; a reply may be longer. */
    public static final int MAX_REQUEST_BYTES = 8192;

    private ProtocolCodec() {
    }

    // ---- requests

    /** {@code {"command":"status"}}, without the newline. */
    public static String encode(Request request) {
        return JsonWriter.write(Map.of("command", request.command().wireName()));
    }

    /**
     * @throws ProtocolException if {@code line} is not strict JSON, not an object, has no
     *         {@code "command"} string or names an unknown command
     */
    public static Request decodeRequest(String line) throws ProtocolException {
        Map<String, Object> json = parse(line, "request");
        Object command = json.get("command");
        if (!(command instanceof String name)) {
            throw new ProtocolException("malformed request: no \"command\" string");
        }
        return new Request(Command.fromWire(name).orElseThrow(() ->
                new ProtocolException("unknown command '" + name + "'; expected reload, status or leaks")));
    }

    // ---- replies

    /** The reply as one line of JSON, without the newline. */
    public static String encode(Reply reply) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", reply.ok());
        if (reply instanceof StatusReply s) {
            m.put("status", status(s.status()));
        } else if (reply instanceof ReloadReply r) {
            m.put("details", details(r.details()));
        } else if (reply instanceof LeaksReply l) {
            m.put("leakPaths", l.paths().stream().map(ProtocolCodec::leakPath).toList());
        } else {
            ErrorReply e = (ErrorReply) reply;
            m.put("error", e.error());
            m.put("plugin", e.plugin().orElse(null));
            m.put("step", e.step().orElse(null));
        }
        return JsonWriter.write(m);
    }

    /**
     * @throws ProtocolException if {@code line} is not strict JSON or not a reply of this protocol
     */
    public static Reply decodeReply(String line) throws ProtocolException {
        Fields reply = Fields.of(parse(line, "reply"), "");
        if (!reply.bool("ok")) {
            return new ErrorReply(reply.string("error"), reply.optionalString("plugin"), reply.optionalString("step"));
        }
        if (reply.has("status")) {
            return new StatusReply(status(reply.object("status")));
        }
        if (reply.has("details")) {
            return new ReloadReply(details(reply.object("details")));
        }
        if (reply.has("leakPaths")) {
            return new LeaksReply(reply.list("leakPaths", ProtocolCodec::leakPath));
        }
        throw new ProtocolException("a reply with \"ok\":true carries \"status\", \"details\" or \"leakPaths\","
                + " this one none");
    }

    // ---- status

    /** The status alone, as {@code hotswap status --json} prints it, without the newline. */
    public static String encode(HostStatus status) {
        return JsonWriter.write(status(status));
    }

    /** Reads what {@link #encode(HostStatus)} wrote. */
    public static HostStatus decodeStatus(String text) throws ProtocolException {
        return status(Fields.of(parse(text, "status"), ""));
    }

    private static Map<String, Object> status(HostStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", s.host());
        m.put("pid", s.pid());
        m.put("pluginDir", s.pluginDir());
        m.put("generation", s.generation());
        m.put("reloadCounter", s.reloadCounter());
        m.put("staticLinking", s.staticLinking());
        m.put("plugins", s.plugins().stream().map(ProtocolCodec::plugin).toList());
        m.put("retired", s.retired());
        m.put("freed", s.freed());
        m.put("collected", s.collected());
        m.put("leaked", s.leaked());
        m.put("leaks", s.leaks().stream().map(ProtocolCodec::leak).toList());
        m.put("reloading", s.reloading().map(ProtocolCodec::reloading).orElse(null));
        return m;
    }

    private static Map<String, Object> reloading(ReloadingStatus r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("since", r.since().toString());
        m.put("plugin", r.plugin().orElse(null));
        m.put("step", r.step());
        m.put("stepSince", r.stepSince().toString());
        return m;
    }

    private static Optional<ReloadingStatus> reloading(Fields f) throws ProtocolException {
        // "reloading" may be null (nothing runs) or left out (a runtime older than this field).
        Optional<Fields> r = f.optionalObject("reloading");
        if (r.isEmpty()) {
            return Optional.empty();
        }
        Fields g = r.get();
        return Optional.of(new ReloadingStatus(g.instant("since"), g.optionalString("plugin"), g.string("step"),
                g.instant("stepSince")));
    }

    private static HostStatus status(Fields f) throws ProtocolException {
        return new HostStatus(f.string("host"), f.integer("pid"), f.string("pluginDir"), f.integer("generation"),
                f.integer("reloadCounter"), f.bool("staticLinking"), f.list("plugins", ProtocolCodec::plugin),
                f.integer("retired"), f.integer("freed"), f.integer("collected"), f.integer("leaked"),
                f.list("leaks", ProtocolCodec::leak), reloading(f));
    }

    private static Map<String, Object> plugin(PluginStatus p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("version", p.version());
        m.put("descriptorVersion", p.descriptorVersion().orElse(null));
        m.put("sha256", p.sha256());
        m.put("file", p.file().orElse(null));
        m.put("loadedAt", p.loadedAt().toString());
        m.put("generation", p.generation());
        m.put("reloadable", p.reloadable());
        m.put("requires", p.requires());
        m.put("libraries", p.libraries().stream().map(ProtocolCodec::library).toList());
        return m;
    }

    private static PluginStatus plugin(Object value, String path) throws ProtocolException {
        Fields f = Fields.of(value, path);
        // "libraries" may be left out: a runtime older than bundles sends none.
        return new PluginStatus(f.string("name"), f.string("version"), f.optionalString("descriptorVersion"),
                f.string("sha256"), f.optionalString("file"), f.instant("loadedAt"), f.integer("generation"),
                f.bool("reloadable"), f.list("requires", Fields::string), f.optionalList("libraries", ProtocolCodec::library));
    }

    private static Map<String, Object> library(LibraryStatus l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("version", l.version().orElse(null));
        m.put("automatic", l.automatic());
        m.put("path", l.path());
        return m;
    }

    private static LibraryStatus library(Object value, String path) throws ProtocolException {
        Fields f = Fields.of(value, path);
        return new LibraryStatus(f.string("name"), f.optionalString("version"), f.bool("automatic"), f.string("path"));
    }

    /** The three fields that name a leaked version, first in each of its objects. */
    private static Map<String, Object> leakedVersion(String plugin, String version, String loader) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plugin", plugin);
        m.put("version", version);
        m.put("loader", loader);
        return m;
    }

    private static Map<String, Object> leak(LeakStatus r) {
        Map<String, Object> m = leakedVersion(r.plugin(), r.version(), r.loader());
        m.put("freedAt", r.freedAt().toString());
        m.put("aliveForSeconds", r.aliveForSeconds());
        m.put("threads", r.threads());
        m.put("holders", r.holders());
        return m;
    }

    private static LeakStatus leak(Object value, String path) throws ProtocolException {
        Fields f = Fields.of(value, path);
        return new LeakStatus(f.string("plugin"), f.string("version"), f.string("loader"), f.instant("freedAt"),
                f.integer("aliveForSeconds"), f.list("threads", Fields::string), f.optionalList("holders", Fields::string));
    }

    private static Map<String, Object> leakPath(LeakPathStatus p) {
        Map<String, Object> m = leakedVersion(p.plugin(), p.version(), p.loader());
        m.put("chain", p.chain());
        return m;
    }

    private static LeakPathStatus leakPath(Object value, String path) throws ProtocolException {
        Fields f = Fields.of(value, path);
        return new LeakPathStatus(f.string("plugin"), f.string("version"), f.string("loader"), f.string("chain"));
    }

    // ---- reload details

    private static Map<String, Object> details(ReloadResult d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generation", d.generation());
        m.put("tookMillis", d.tookMillis());
        Map<String, Object> outcomes = new LinkedHashMap<>();
        d.outcomes().forEach((plugin, outcome) -> outcomes.put(plugin, outcome.name()));
        m.put("outcomes", outcomes);
        return m;
    }

    private static ReloadResult details(Fields f) throws ProtocolException {
        Map<String, ReloadOutcome> outcomes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : f.members("outcomes").entrySet()) {
            outcomes.put(e.getKey(), Fields.constant(e.getValue(), f.path() + ".outcomes." + e.getKey(),
                    ProtocolCodec::outcome));
        }
        return new ReloadResult(f.integer("generation"), f.integer("tookMillis"), outcomes);
    }

    private static Optional<ReloadOutcome> outcome(String name) {
        for (ReloadOutcome o : ReloadOutcome.values()) {
            if (o.name().equals(name)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    // ---- sidecar files

    /** A host's sidecar line, without the newline. */
    public static String encode(HostEntry host) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", host.name());
        m.put("pid", host.pid());
        m.put("pluginDir", host.pluginDir().toString());
        m.put("socket", host.socket().toString());
        m.put("started", host.started().orElse(null));
        return JsonWriter.write(m);
    }

    /** Reads what {@link #encode(HostEntry)} wrote. */
    public static HostEntry decodeHostEntry(String line) throws ProtocolException {
        Fields f = Fields.of(parse(line, "host entry"), "");
        return new HostEntry(f.string("name"), f.integer("pid"), path(f, "pluginDir"), path(f, "socket"),
                f.optionalString("started"));
    }

    private static Path path(Fields f, String key) throws ProtocolException {
        String s = f.string(key);
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new ProtocolException(key + ": not a path: \"" + s + "\"");
        }
    }

    private static Map<String, Object> parse(String text, String what) throws ProtocolException {
        try {
            return JsonReader.parseObject(text);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("malformed " + what + ": " + e.getMessage());
        }
    }
}
