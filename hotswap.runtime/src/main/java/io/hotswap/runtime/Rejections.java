package io.hotswap.runtime;

import io.hotswap.runtime.jar.PluginJar;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plugin files that automatic rollbacks rejected, by plugin name: immutable, replaced whole
 * under the reload lock. A plugin has at most one rejected file, the newest; a file with other
 * bytes lifts its plugin's rejection.
 */
final class Rejections {

    static final Rejections NONE = new Rejections(Map.of());

    private final Map<String, RejectedFile> byPlugin;

    private Rejections(Map<String, RejectedFile> byPlugin) {
        this.byPlugin = Map.copyOf(byPlugin);
    }

    /** These and {@code more}, each replacing an older rejection of its plugin. */
    Rejections with(Collection<RejectedFile> more) {
        Map<String, RejectedFile> m = new TreeMap<>(byPlugin);
        more.forEach(r -> m.put(r.plugin(), r));
        return new Rejections(m);
    }

    /** The rejection {@code jar} is the file of, if it is. */
    Optional<RejectedFile> of(PluginJar jar) {
        RejectedFile r = byPlugin.get(jar.name());
        return r != null && r.sha256().equals(jar.sha256()) ? Optional.of(r) : Optional.empty();
    }

    /**
     * What is still rejected after a reload saw {@code jars}: a plugin whose file has other bytes
     * now is lifted, and so is every file the reload loaded ({@code forced}).
     */
    Rejections after(Map<String, PluginJar> jars, boolean forced) {
        Map<String, RejectedFile> m = new LinkedHashMap<>();
        byPlugin.forEach((name, r) -> {
            PluginJar jar = jars.get(name);
            boolean changed = jar != null && !jar.sha256().equals(r.sha256());
            if (!changed && !(forced && jar != null)) {
                m.put(name, r);
            }
        });
        return m.size() == byPlugin.size() ? this : new Rejections(m);
    }

    List<RejectedFile> list() {
        return List.copyOf(new TreeMap<>(byPlugin).values());
    }

    boolean isEmpty() {
        return byPlugin.isEmpty();
    }
}
