package io.hotswap.api.spi;

import io.hotswap.api.LiveData;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link LiveData} needs from the runtime: reading and writing the fields of plugin classes,
 * which only the runtime may do (it opens plugin packages to itself, not to this module).
 * Exported to {@code io.hotswap.runtime} only.
 *
 * @since 0.1
 */
public interface LiveObjectAccess {

    /** A live-type object's live name and its field values, not yet captured. */
    record Fields(String type, Map<String, Object> values) {
        public Fields {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }
    }

    /** The fields of {@code value}, if it is an object of a live type of a loaded plugin. */
    Optional<Fields> read(Object value);

    /** As {@link LiveData#restore(Class)}. */
    <T> T restore(LiveData data, Class<T> type);
}
