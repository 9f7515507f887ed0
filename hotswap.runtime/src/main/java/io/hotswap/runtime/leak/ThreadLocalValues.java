package io.hotswap.runtime.leak;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.util.Optional;

/**
 * {@code ThreadLocal} values (and {@code ThreadLocal} subclasses) of the freed version's classes
 * on live threads: a thread's map holds a value strongly as long as the thread lives, the classic
 * leak of a pooled host thread. The JDK has no API to list another thread's values, so this check
 * is made only where {@code java.lang} is open to the runtime ({@code --add-opens
 * java.base/java.lang=io.hotswap.runtime}); elsewhere it is skipped. It reads the maps as Tomcat's
 * leak prevention does, without locking: a value set or removed meanwhile may be missed, never
 * invented.
 */
final class ThreadLocalValues implements HolderCheck {

    private final VarHandle threadLocals;
    private final VarHandle inheritable;
    private final VarHandle table;
    private final VarHandle value;

    private ThreadLocalValues(VarHandle threadLocals, VarHandle inheritable, VarHandle table, VarHandle value) {
        this.threadLocals = threadLocals;
        this.inheritable = inheritable;
        this.table = table;
        this.value = value;
    }

    /** The check, if {@code java.lang} is open to {@code self}; empty otherwise. */
    static Optional<ThreadLocalValues> available(Module self) {
        return OpenJavaLang.read(self, lang -> {
            Class<?> map = lang.type("ThreadLocal$ThreadLocalMap");
            Class<?> entry = lang.type("ThreadLocal$ThreadLocalMap$Entry");
            MethodHandles.Lookup threads = lang.in(Thread.class);
            return new ThreadLocalValues(threads.findVarHandle(Thread.class, "threadLocals", map),
                    threads.findVarHandle(Thread.class, "inheritableThreadLocals", map),
                    lang.in(map).findVarHandle(map, "table", entry.arrayType()),
                    lang.in(entry).findVarHandle(entry, "value", Object.class));
        });
    }

    @Override
    public void find(Target target, Found found) {
        for (Thread t : target.threads().keySet()) {
            look(t, threadLocals.get(t), target.loader(), found);
            look(t, inheritable.get(t), target.loader(), found);
        }
    }

    private void look(Thread t, Object map, ClassLoader loader, Found found) {
        Object[] entries = map == null ? null : (Object[]) table.get(map);
        if (entries == null) {
            return;
        }
        for (Object entry : entries) {
            if (entry == null) {
                continue;
            }
            Object v = value.get(entry);
            Object key = ((Reference<?>) entry).get();
            String on = " on thread \"" + t.getName() + "\"";
            if (HolderCheck.ofLoader(v, loader)) {
                found.certain("ThreadLocal value " + v.getClass().getName() + on);
            } else if (HolderCheck.ofLoader(key, loader)) {
                found.certain("ThreadLocal " + key.getClass().getName() + " (a class of the plugin's)" + on);
            }
        }
    }
}
