package io.hotswap.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one benchmark command found: its table rows and its notes (breakdowns, settings). Printed
 * as it goes; written as {@code <id>.rows.md} and {@code <id>.notes.md} into the directory named
 * by {@code -Dbench.out}, if set, for run.sh to put together into RESULTS.md.
 */
final class Report {

    private final String id;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(String id) {
        this.id = id;
    }

    void figure(Figure f) {
        figures.add(f);
        System.out.println("FIGURE " + f.markdownRow());
    }

    void note(String line) {
        notes.add(line);
        System.out.println(line);
    }

    boolean allPassed() {
        return figures.stream().allMatch(Figure::pass);
    }

    void write() {
        String out = System.getProperty("bench.out");
        if (out == null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(out));
            Files.write(dir.resolve(id + ".rows.md"), figures.stream().map(Figure::markdownRow).toList());
            Files.write(dir.resolve(id + ".notes.md"), notes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results of " + id + " to " + out, e);
        }
    }
}
