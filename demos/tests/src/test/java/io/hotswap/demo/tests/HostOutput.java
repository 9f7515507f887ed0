package io.hotswap.demo.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines a process printed, read by a thread of its own and copied to a log file; a test waits
 * for a line to appear (woken by each new line, never by sleeping).
 */
final class HostOutput {

    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private HostOutput() {
    }

    /** Starts reading {@code in} until its end, copying every line to {@code log}. */
    static HostOutput follow(InputStream in, Path log, String threadName) {
        HostOutput output = new HostOutput();
        Thread reader = new Thread(() -> output.read(in, log), threadName);
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    private void read(InputStream in, Path log) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                w.write(line);
                w.write('\n');
                w.flush();
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The process was destroyed under us: what was read so far stays readable.
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /**
     * Waits until a line printed at index {@code from} or later matches {@code regex}.
     *
     * @return the match, with its line's index in {@link Match#index()}
     * @throws AssertionError naming the pattern and showing the output, if no such line comes in time
     *                        or the output ends first
     */
    synchronized Match await(String regex, int from, Duration timeout) {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        int i = from;
        for (;;) {
            for (; i < lines.size(); i++) {
                Matcher m = p.matcher(lines.get(i));
                if (m.find()) {
                    return new Match(i, m.toMatchResult().group(), lines.get(i));
                }
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("no line matching /" + regex + "/ from line " + from
                        + (ended ? " before the output ended" : " within " + timeout) + "; output:\n" + text());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for /" + regex + "/", e);
            }
        }
    }

    /** Waits until the output ends (the process closed it), at most {@code timeout}. */
    synchronized boolean awaitEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    synchronized String text() {
        return String.join("\n", lines);
    }

    /** A line that matched: its index, the matched text and the whole line. */
    record Match(int index, String text, String line) {
    }

    static Path logFile(Path dir, String name) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(name);
    }
}
