package io.hotswap.cli.remote;

import io.hotswap.cli.CommandException;
import io.hotswap.runtime.management.EndpointClient;
import io.hotswap.runtime.management.ManagementCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Sends one request and reads fields of the reply. */
final class Replies {

    private Replies() {
    }

    static Map<String, Object> ask(Path socket, ManagementCommand command) {
        try {
            return EndpointClient.send(socket, command);
        } catch (IOException e) {
            throw CommandException.failed("cannot talk to the host at " + socket + ": " + e.getMessage(), e);
        }
    }

    static boolean ok(Map<String, Object> reply) {
        return Boolean.TRUE.equals(reply.get("ok"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof List ? (List<Map<String, Object>>) v : List.of();
    }

    static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "-" : v.toString();
    }
}
