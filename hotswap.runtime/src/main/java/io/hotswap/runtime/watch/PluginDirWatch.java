package io.hotswap.runtime.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Dev mode: watches a plugin directory and runs one reload once the jars in it have been quiet
 * for a while. Every created or modified {@code *.jar} restarts the quiet period, so a burst of
 * writes (a build writing several jars, or one jar in several writes) gives one reload.
 * Temporary files of an atomic write ({@code hotswap build}) are not jars and are ignored; their
 * rename to {@code .jar} is a create event.
 */
public final class PluginDirWatch implements AutoCloseable {

    private final String host;
    private final Path dir;
    private final Duration quietPeriod;
    private final Runnable reload;
    private final Logger log;
    private final WatchService watcher;
    private final ScheduledExecutorService scheduler;
    private final Thread thread;
    // Touched only by the watch thread.
    private ScheduledFuture<?> pending;

    private PluginDirWatch(String host, Path dir, Duration quietPeriod, Runnable reload, Logger log) throws IOException {
        this.host = host;
        this.dir = dir;
        this.quietPeriod = quietPeriod;
        this.reload = reload;
        this.log = log;
        this.watcher = FileSystems.getDefault().newWatchService();
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hotswap-watch-reload-" + host));
        this.thread = daemon(this::loop, "hotswap-watch-" + host);
        thread.start();
        log.info("Watching {} for changed plugin jars of {} (quiet period {} ms)", dir, host, quietPeriod.toMillis());
    }

    /**
     * Starts watching {@code dir}; {@code reload} runs on the watch's own thread, never twice at once.
     *
     * @throws IOException if the directory cannot be watched
     */
    public static PluginDirWatch start(String host, Path dir, Duration quietPeriod, Runnable reload, Logger log)
            throws IOException {
        return new PluginDirWatch(host, dir, quietPeriod, reload, log);
    }

    private void loop() {
        for (;;) {
            WatchKey key;
            try {
                key = watcher.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            boolean jarChanged = false;
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    jarChanged = true; // events were lost: one of them may have been a jar
                } else if (event.context() instanceof Path p && p.getFileName().toString().endsWith(".jar")) {
                    jarChanged = true;
                }
            }
            if (jarChanged) {
                if (pending != null) {
                    pending.cancel(false);
                }
                pending = scheduler.schedule(this::reloadQuietly, quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (!key.reset()) {
                log.warn("{} can no longer be watched (removed?); file watch of {} stopped", dir, host);
                return;
            }
        }
    }

    private void reloadQuietly() {
        log.info("Plugin jars in {} changed; reloading {}", dir, host);
        try {
            reload.run();
        } catch (RuntimeException e) {
            // The swapper logged the failure with plugin, step and cause; the old generation serves.
            log.debug("File-watch reload of {} failed", host, e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            log.debug("Closing the watch of {} failed", dir, e);
        }
        scheduler.shutdownNow();
        thread.interrupt();
    }
}
