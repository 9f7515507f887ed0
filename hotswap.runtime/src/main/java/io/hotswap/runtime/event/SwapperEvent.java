package io.hotswap.runtime.event;

import java.nio.file.Path;

/**
 * What a swapper tells the things attached to it ({@link SwapperAttachment}: the management
 * endpoint and MBean, the file watch). Events are delivered in order, on the thread that caused
 * them, after the swapper's reload lock is released: an attachment may call back into the
 * swapper (a reload, a status) without deadlock, and never holds up a reload.
 */
public sealed interface SwapperEvent {

    /** The first load ended, loaded or failed: what waited for it may take the CPU now. */
    record FirstLoadDone(boolean loaded) implements SwapperEvent {
    }

    /** A reload ended: {@code generation} is current (the new one, or the old one if it failed). */
    record ReloadFinished(long generation, boolean succeeded) implements SwapperEvent {
    }

    /** A generation on probation was rolled back: {@code to} is current again. */
    record RolledBack(long from, long to, boolean automatic) implements SwapperEvent {
    }

    /** The next reload reads another plugin directory. */
    record PluginDirChanged(Path from, Path to) implements SwapperEvent {
    }

    /** The swapper is closing: take no more requests, let go of what is open. Always the last event. */
    record Closing() implements SwapperEvent {
    }
}
