package io.hotswap.runtime.live.bind;

import io.hotswap.api.LiveData;
import io.hotswap.api.LiveTypes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The live types of one generation; immutable. It alone says which classes are live types, and
 * under which names: there is no registry beside it, so the live types of two swappers in one JVM,
 * even of the same names, never meet.
 */
final class BoundTypes implements LiveTypes {

    private final Map<String, BoundType> byName;
    private final Map<Class<?>, BoundType> byClass;
    // The plugin modules whose classes restore may make: those holding this generation's live types.
    private final Set<Module> modules;

    BoundTypes(Map<String, BoundType> byName) {
        this.byName = Map.copyOf(byName);
        Map<Class<?>, BoundType> classes = new HashMap<>();
        byName.values().forEach(t -> classes.put(t.type(), t));
        this.byClass = Map.copyOf(classes);
        this.modules = byName.values().stream().map(t -> t.type().getModule()).collect(Collectors.toUnmodifiableSet());
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
    public LiveData capture(Object value) {
        return LiveData.of(value, o -> Optional.ofNullable(byClass.get(o.getClass()))
                .map(t -> new LiveData.Fields(t.name(), t.shape().read(o))));
    }

    @Override
    public Object restore(LiveData data) {
        String name = data.type().orElseThrow(() -> new IllegalArgumentException(
                "live data " + abbreviate(data) + " holds a plain value, not a live type: restore it with restore(data, Class)"));
        return LiveObjectCodec.restore(data, type(name).type());
    }

    @Override
    public <T> T restore(LiveData data, Class<T> type) {
        Objects.requireNonNull(data, "data");
        if (!LiveObjectCodec.isPlain(Objects.requireNonNull(type, "type")) && !modules.contains(type.getModule())) {
            throw new IllegalArgumentException("cannot restore live data into " + type.getName() + " (" + type.getModule()
                    + "): it is neither a JDK type nor a class of a plugin with live types in this generation");
        }
        return LiveObjectCodec.restore(data, type);
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
