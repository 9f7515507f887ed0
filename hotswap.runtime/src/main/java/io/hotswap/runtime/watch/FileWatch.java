package io.hotswap.runtime.watch;

import io.hotswap.runtime.event.SwapperEvent;
import io.hotswap.runtime.event.SwapperAttachment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * The file watch of a swapper (dev mode): a {@link PluginDirWatch} of its plugin directory that
 * follows the directory when it changes and stops when the swapper closes.
 */
public final class FileWatch implements SwapperAttachment {

    private final String host;
    private final Duration quietPeriod;
    private final Runnable reload;
    private final Logger log;
    // Replaced on the thread that changes the plugin directory; read by close.
    private volatile PluginDirWatch watch;

    private FileWatch(String host, Duration quietPeriod, Runnable reload, Logger log, PluginDirWatch watch) {
        this.host = host;
        this.quietPeriod = quietPeriod;
        this.reload = reload;
        this.log = log;
        this.watch = watch;
    }

    /**
     * Starts watching {@code dir}; {@code reload} runs on the watch's own thread after a burst of
     * jar writes has settled.
     *
     * @throws IOException if the directory cannot be watched
     */
    public static FileWatch start(String host, Path dir, Duration quietPeriod, Runnable reload, Logger log)
            throws IOException {
        return new FileWatch(host, quietPeriod, reload, log, PluginDirWatch.start(host, dir, quietPeriod, reload, log));
    }

    @Override
    public void on(SwapperEvent event) {
        if (event instanceof SwapperEvent.PluginDirChanged changed) {
            follow(changed.to());
        } else if (event instanceof SwapperEvent.Closing) {
            stop();
        }
    }

    private synchronized void follow(Path dir) {
        PluginDirWatch old = watch;
        if (old != null) {
            old.close();
        }
        try {
            watch = PluginDirWatch.start(host, dir, quietPeriod, reload, log);
        } catch (IOException e) {
            watch = null;
            log.warn("Cannot watch {}; file watch of {} is off", dir, host, e);
        }
    }

    private synchronized void stop() {
        PluginDirWatch w = watch;
        watch = null;
        if (w != null) {
            w.close();
        }
    }
}
