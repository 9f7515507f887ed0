package io.hotswap.runtime.live.bind;

import io.hotswap.api.LiveData;
import io.hotswap.api.LiveTypes;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The live types of one generation; immutable. */
final class BoundTypes implements LiveTypes {

    private final Map<String, BoundType> byName;

    BoundTypes(Map<String, BoundType> byName) {
        this.byName = Map.copyOf(byName);
    }

    @Override
    public Set<String> names() {
        return byName.keySet();
    }

    @Override
    public Optional<Class<?>> find(String name) {
        return Optional.ofNullable(byName.get(name)).map(BoundType::type);
    }

    @Override
    public Object newInstance(String name) {
        return type(name).shape().make();
    }

    @Override
    public Object restore(LiveData data) {
        String name = data.type().orElseThrow(() -> new IllegalArgumentException(
                "live data " + abbreviate(data) + " holds a plain value, not a live type: restore it with LiveData.restore(Class)"));
        return data.restore(type(name).type());
    }

    private BoundType type(String name) {
        BoundType t = byName.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no live type '" + name + "' in this generation; there are "
                    + new TreeSet<>(byName.keySet()));
        }
        return t;
    }

    private static String abbreviate(LiveData data) {
        String s = data.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    @Override
    public String toString() {
        return "live types " + new TreeSet<>(byName.keySet());
    }
}
