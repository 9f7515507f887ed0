package io.hotswap.runtime.leak;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Shutdown hooks whose thread carries the freed version (its class, or its context class loader,
 * which a thread made in a plugin hook inherits). The JDK keeps them in a private map and no API
 * lists them, so this check is made only where {@code java.lang} is open to the runtime
 * ({@code --add-opens java.base/java.lang=io.hotswap.runtime}); elsewhere it is skipped.
 */
final class ShutdownHooks implements HolderCheck {

    private final Class<?> registry;
    private final VarHandle hooks;

    private ShutdownHooks(Class<?> registry, VarHandle hooks) {
        this.registry = registry;
        this.hooks = hooks;
    }

    /** The check, if {@code java.lang} is open to {@code self}; empty otherwise. */
    static Optional<ShutdownHooks> available(Module self) {
        return OpenJavaLang.read(self, lang -> {
            Class<?> registry = lang.type("ApplicationShutdownHooks");
            return new ShutdownHooks(registry, lang.in(registry).findStaticVarHandle(registry, "hooks", IdentityHashMap.class));
        });
    }

    @Override
    public void find(Target target, Found found) {
        List<Thread> threads;
        // The JDK's own lock of the registry: its methods are static synchronized.
        synchronized (registry) {
            IdentityHashMap<?, ?> map = (IdentityHashMap<?, ?>) hooks.get();
            if (map == null) {
                return; // the JVM is shutting down: the hooks run now
            }
            threads = new ArrayList<>(map.size());
            for (Object hook : map.keySet()) {
                threads.add((Thread) hook);
            }
        }
        for (Thread t : threads) {
            List<String> why = LiveThreads.carried(t, target.loader());
            if (!why.isEmpty()) {
                found.certain("shutdown hook thread " + LiveThreads.named(t, why) + " registered in Runtime");
            }
        }
    }
}
