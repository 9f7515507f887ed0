package io.hotswap.runtime.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Live threads whose class or context class loader is the freed version's, or that run its code
 * (named by their topmost frame of it): each holds the version whatever the collector does.
 */
final class LiveThreads implements HolderCheck {

    @Override
    public void find(Target target, Found found) {
        for (Map.Entry<Thread, StackTraceElement[]> e : target.threads().entrySet()) {
            List<String> why = carried(e.getKey(), target.loader());
            for (StackTraceElement frame : e.getValue()) {
                if (target.loaderName().equals(frame.getClassLoaderName())) {
                    why.add("it runs plugin code at " + frame); // the topmost frame of plugin code
                    break;
                }
            }
            if (!why.isEmpty()) {
                found.thread(named(e.getKey(), why));
            }
        }
    }

    /** Why thread {@code t}, started or not, carries {@code loader}: its class, its context class loader. */
    static List<String> carried(Thread t, ClassLoader loader) {
        List<String> why = new ArrayList<>(2);
        if (t.getClass().getClassLoader() == loader) {
            why.add("its class " + t.getClass().getName() + " is the plugin's");
        }
        if (t.getContextClassLoader() == loader) {
            why.add("its context class loader is the plugin's");
        }
        return why;
    }

    /** {@code "name" (why; why)}. */
    static String named(Thread t, List<String> why) {
        return "\"" + t.getName() + "\" (" + String.join("; ", why) + ")";
    }
}
