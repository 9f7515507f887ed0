package io.hotswap.runtime.management;

import io.hotswap.runtime.LeakReport;
import io.hotswap.runtime.LibraryInfo;
import io.hotswap.runtime.PluginInfo;
import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.ReloadException;
import io.hotswap.runtime.SwapperStatus;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replies of the endpoint, one JSON line each: {@code {"ok":true,...}} or
 * {@code {"ok":false,"error":...}}. The field names are the protocol; the CLI reads them.
 */
final class ReplyEncoder {

    private ReplyEncoder() {
    }

    static String status(String host, SwapperStatus s) {
        Map<String, Object> reply = ok();
        reply.put("status", statusMap(host, s));
        return line(reply);
    }

    static String reloaded(ReloadDetails d) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("generation", d.generation());
        details.put("tookMillis", d.took().toMillis());
        Map<String, Object> outcomes = new LinkedHashMap<>();
        d.outcomes().forEach((plugin, outcome) -> outcomes.put(plugin, outcome.name()));
        details.put("outcomes", outcomes);
        Map<String, Object> reply = ok();
        reply.put("details", details);
        return line(reply);
    }

    static String failed(ReloadException e) {
        Map<String, Object> reply = errorMap(e.getMessage());
        reply.put("plugin", e.plugin().orElse(null));
        reply.put("step", e.step().label());
        return line(reply);
    }

    static String error(String message) {
        return line(errorMap(message));
    }

    private static Map<String, Object> errorMap(String message) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("ok", false);
        reply.put("error", message);
        return reply;
    }

    static Map<String, Object> statusMap(String host, SwapperStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", host);
        m.put("pid", ProcessHandle.current().pid());
        m.put("pluginDir", s.pluginDir().toString());
        m.put("generation", s.generation());
        m.put("reloadCounter", s.reloadCounter());
        m.put("staticLinking", s.staticLinking());
        m.put("plugins", s.plugins().stream().map(ReplyEncoder::plugin).toList());
        m.put("retired", s.retired());
        m.put("freed", s.freed());
        m.put("collected", s.collected());
        m.put("leaked", s.leaked());
        m.put("leaks", s.leaks().stream().map(ReplyEncoder::leak).toList());
        return m;
    }

    private static Map<String, Object> plugin(PluginInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("version", p.version());
        m.put("descriptorVersion", p.descriptorVersion().orElse(null));
        m.put("sha256", p.sha256());
        m.put("file", p.file().map(Path::toString).orElse(null));
        m.put("loadedAt", p.loadedAt().toString());
        m.put("generation", p.generation());
        m.put("reloadable", p.reloadable());
        m.put("requires", List.copyOf(p.requires()));
        m.put("libraries", p.libraries().stream().map(ReplyEncoder::library).toList());
        return m;
    }

    private static Map<String, Object> library(LibraryInfo l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("version", l.version().orElse(null));
        m.put("automatic", l.automatic());
        m.put("path", l.path());
        return m;
    }

    private static Map<String, Object> leak(LeakReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plugin", r.plugin());
        m.put("version", r.version());
        m.put("loader", r.loaderName());
        m.put("freedAt", r.freedAt().toString());
        m.put("aliveForSeconds", r.aliveFor().toSeconds());
        m.put("threads", r.threads());
        return m;
    }

    private static Map<String, Object> ok() {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("ok", true);
        return reply;
    }

    private static String line(Map<String, Object> reply) {
        return JsonWriter.write(reply) + "\n";
    }
}
