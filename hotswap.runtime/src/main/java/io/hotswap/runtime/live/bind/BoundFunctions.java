package io.hotswap.runtime.live.bind;

import io.hotswap.api.LiveFunction;
import io.hotswap.api.LiveFunctions;
import io.hotswap.runtime.call.CallGate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The live functions of one generation; immutable. */
final class BoundFunctions implements LiveFunctions {

    private final Map<String, BoundFunction> byName;

    /** @param gate the gate of the generation whose vault these are: every call passes it */
    BoundFunctions(Map<String, BoundFunction> byName, CallGate gate) {
        Map<String, BoundFunction> held = new java.util.HashMap<>();
        byName.forEach((name, f) -> held.put(name, f.heldBy(gate)));
        this.byName = Map.copyOf(held);
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
