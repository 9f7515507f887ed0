package io.hotswap.runtime.live.bind;

import io.hotswap.api.LiveFunction;
import io.hotswap.api.LiveFunctions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The live functions of one generation; immutable. */
final class BoundFunctions implements LiveFunctions {

    private final Map<String, BoundFunction> byName;
    // Set once, before the generation is published; read by every call.
    private volatile GenerationHold hold = GenerationHold.NONE;

    BoundFunctions(Map<String, BoundFunction> byName) {
        Map<String, BoundFunction> held = new java.util.HashMap<>();
        byName.forEach((name, f) -> held.put(name, f.heldBy(this)));
        this.byName = Map.copyOf(held);
    }

    void holdWith(GenerationHold hold) {
        this.hold = hold;
    }

    GenerationHold hold() {
        return hold;
    }

    @Override
    public Set<String> names() {
        return byName.keySet();
    }

    @Override
    public Optional<LiveFunction> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public Object call(String name, Object... args) {
        BoundFunction f = byName.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no live function '" + name + "' in this generation; there are "
                    + new TreeSet<>(byName.keySet()));
        }
        return f.call(args);
    }

    @Override
    public String toString() {
        return "live functions " + new TreeSet<>(byName.keySet());
    }
}
