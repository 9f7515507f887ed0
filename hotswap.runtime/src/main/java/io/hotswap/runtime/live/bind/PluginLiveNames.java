package io.hotswap.runtime.live.bind;

import io.hotswap.protocol.live.LiveEntry;
import io.hotswap.protocol.live.LiveIndex;
import io.hotswap.runtime.live.scan.LiveScanner;
import io.hotswap.runtime.layer.DefinedLayer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * The live names of one plugin version: from the index in its jar when there is one made with the
 * same prefix, else from a ClassGraph scan of its module in its own layer.
 */
record PluginLiveNames(String plugin, List<LiveEntry> entries, LiveSource source) {

    /**
     * Live names depend only on the jar's bytes and the prefix, so they are kept by content hash:
     * a carried-over plugin, or a version that comes back, is neither read nor scanned again.
     * The cache holds strings only, never a class, so it pins no layer.
     */
    private static final int CACHE_LIMIT = 1024;
    private static final Map<String, PluginLiveNames> CACHE = new ConcurrentHashMap<>();

    static PluginLiveNames of(DefinedLayer layer, String prefix, Logger log) {
        String key = layer.loader().sha256() + '/' + prefix.toLowerCase(Locale.ROOT);
        PluginLiveNames cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        PluginLiveNames names = read(layer, prefix, log);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear(); // a crude bound; reloading thousands of distinct versions is rare
        }
        CACHE.put(key, names);
        return names;
    }

    private static PluginLiveNames read(DefinedLayer layer, String prefix, Logger log) {
        String plugin = layer.loader().moduleName();
        byte[] bytes = readIndex(layer, plugin);
        if (bytes != null) {
            LiveIndex index;
            try {
                index = LiveIndex.parse(bytes);
            } catch (IllegalArgumentException e) {
                throw new LiveBindException(plugin, "its " + LiveIndex.PATH + " is malformed", e);
            }
            if (index.prefix().equalsIgnoreCase(prefix)) {
                return new PluginLiveNames(plugin, index.entries(), LiveSource.INDEX);
            }
            log.warn("Plugin {}: its live index was made with prefix '{}', this swapper's prefix is '{}'; scanning instead",
                    plugin, index.prefix(), prefix);
        }
        try {
            List<LiveEntry> scanned = new LiveIndex(prefix, LiveScanner.scanModule(layer.layer(), plugin, prefix)).entries();
            return new PluginLiveNames(plugin, scanned, LiveSource.SCAN);
        } catch (IllegalArgumentException e) {
            throw new LiveBindException(plugin, "its classes do not give a valid set of live names", e);
        }
    }

    private static byte[] readIndex(DefinedLayer layer, String plugin) {
        // META-INF is not a package, so the resource is not encapsulated; it is served from the
        // bytes the layer was defined from.
        try (InputStream in = layer.module().getResourceAsStream(LiveIndex.PATH)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new LiveBindException(plugin, "cannot read its " + LiveIndex.PATH, e);
        }
    }
}
