package io.hotswap.runtime.leak;

import java.util.Enumeration;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * {@code java.util.logging} handlers, their filters and formatters, and logger filters of the
 * freed version's classes on the JDK's loggers. The root and global loggers are held by the JDK
 * for good: a holder there is certain. Any other logger the JDK holds only weakly, so a handler on
 * it pins the version only if something else keeps that logger (the host, a library): such a
 * holder is named once the version is proven leaked, never as a certain leak.
 *
 * <p>Made only where the boot layer has {@code java.logging} and for a version whose modules read
 * it, so that the watch never initialises the {@code LogManager} of a host that does not use it.
 */
final class LoggingHandlers implements HolderCheck {

    private final Module logging;

    /**
     * @param logging {@code java.logging}, from the boot layer: the caller makes sure it is there
     *                before this class, which links it, is loaded
     */
    LoggingHandlers(Module logging) {
        this.logging = logging;
    }

    @Override
    public void find(Target target, Found found) {
        if (!HolderCheck.reads(target.layer(), logging)) {
            return;
        }
        ClassLoader loader = target.loader();
        LogManager manager = LogManager.getLogManager();
        for (Enumeration<String> names = manager.getLoggerNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            Logger logger = manager.getLogger(name);
            if (logger == null) {
                continue; // collected since it was listed
            }
            boolean held = name.isEmpty() || name.equals(Logger.GLOBAL_LOGGER_NAME);
            String on = " on logger \"" + name + "\"";
            Filter filter = logger.getFilter();
            if (HolderCheck.ofLoader(filter, loader)) {
                add(found, held, "java.util.logging filter " + filter.getClass().getName() + on);
            }
            for (Handler h : logger.getHandlers()) {
                if (HolderCheck.ofLoader(h, loader)) {
                    add(found, held, "java.util.logging handler " + h.getClass().getName() + on);
                }
                if (HolderCheck.ofLoader(h.getFilter(), loader)) {
                    add(found, held, "java.util.logging filter " + h.getFilter().getClass().getName() + " of handler "
                            + h.getClass().getName() + on);
                }
                if (HolderCheck.ofLoader(h.getFormatter(), loader)) {
                    add(found, held, "java.util.logging formatter " + h.getFormatter().getClass().getName()
                            + " of handler " + h.getClass().getName() + on);
                }
            }
        }
    }

    private static void add(Found found, boolean held, String holder) {
        if (held) {
            found.certain(holder);
        } else {
            found.suspect(holder + " (if something keeps that logger)");
        }
    }
}
