package io.hotswap.protocol.live;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The live names of one plugin, as {@code hotswap build} writes them into the plugin jar at
 * {@link #PATH}, so that a load reads a few lines instead of scanning the plugin's classes.
 *
 * <p><b>What is live.</b> A static method whose name starts with {@link #prefix()}, or a class
 * (not an interface, enum, annotation or abstract class) whose simple name starts with it, the
 * prefix compared case-insensitively; and any static method or class carrying
 * {@code io.hotswap.api.Live}, whatever its name. The live name keeps the prefix: the method
 * {@code Live_Send} is the live function {@code Live_Send}. Functions and types are two separate
 * name spaces; within each, a name occurs once.
 *
 * <p><b>Format.</b> UTF-8 text, one item a line, fields separated by one space, entries sorted by
 * kind then name, so that the same classes always give the same bytes:
 * <pre>
 * # hotswap live index
 * version 1
 * prefix live_
 * function live_run alpha.impl.Jobs live_run
 * type live_Job alpha.impl.live_Job
 * </pre>
 * Lines starting with {@code #} and blank lines are ignored.
 *
 * @param prefix  the live prefix the index was made with
 * @param entries sorted by kind, then name; no name twice within a kind
 * @since 0.1
 */
public record LiveIndex(String prefix, List<LiveEntry> entries) {

    /** The entry name of the index inside a plugin jar. */
    public static final String PATH = "META-INF/hotswap/live.index";

    private static final String HEADER = "# hotswap live index";
    private static final String VERSION = "1";

    /**
     * @throws IllegalArgumentException if the prefix is empty or holds whitespace, or a name
     *         occurs twice within a kind (the message names both targets)
     */
    public LiveIndex {
        LiveEntry.requireToken(prefix, "prefix");
        List<LiveEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(LiveEntry::kind).thenComparing(LiveEntry::name));
        Map<LiveEntry.Kind, Map<String, LiveEntry>> seen = new EnumMap<>(LiveEntry.Kind.class);
        for (LiveEntry e : sorted) {
            LiveEntry other = seen.computeIfAbsent(e.kind(), k -> new HashMap<>()).putIfAbsent(e.name(), e);
            if (other != null) {
                throw new IllegalArgumentException("live " + e.kind().name().toLowerCase() + " name '" + e.name()
                        + "' is declared twice: " + other.target() + " and " + e.target());
            }
        }
        entries = List.copyOf(sorted);
    }

    /** The index as UTF-8 text; equal indexes give equal bytes. */
    public byte[] toBytes() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        sb.append("version ").append(VERSION).append('\n');
        sb.append("prefix ").append(prefix).append('\n');
        for (LiveEntry e : entries) {
            if (e.kind() == LiveEntry.Kind.FUNCTION) {
                sb.append("function ").append(e.name()).append(' ').append(e.className()).append(' ').append(e.member());
            } else {
                sb.append("type ").append(e.name()).append(' ').append(e.className());
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads what {@link #toBytes()} wrote.
     *
     * @throws IllegalArgumentException on malformed input, naming the line and what was expected
     */
    public static LiveIndex parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("live index is not UTF-8 text", e);
        }
        String version = null;
        String prefix = null;
        List<LiveEntry> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNo = i + 1;
            String[] f = line.split(" +");
            try {
                if (version == null) {
                    expect(f, 2, "version", "version " + VERSION);
                    if (!f[1].equals(VERSION)) {
                        throw new IllegalArgumentException("unsupported version " + f[1] + ", this runtime reads version " + VERSION);
                    }
                    version = f[1];
                } else if (prefix == null) {
                    expect(f, 2, "prefix", "prefix <prefix>");
                    prefix = f[1];
                } else if (f[0].equals("function")) {
                    expect(f, 4, "function", "function <name> <class> <method>");
                    entries.add(new LiveEntry(LiveEntry.Kind.FUNCTION, f[1], f[2], f[3]));
                } else if (f[0].equals("type")) {
                    expect(f, 3, "type", "type <name> <class>");
                    entries.add(new LiveEntry(LiveEntry.Kind.TYPE, f[1], f[2], ""));
                } else {
                    throw new IllegalArgumentException("expected 'function <name> <class> <method>' or 'type <name> <class>'");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("live index line " + lineNo + " '" + line + "': " + e.getMessage(), e);
            }
        }
        if (version == null || prefix == null) {
            throw new IllegalArgumentException("live index is missing its '" + (version == null ? "version" : "prefix")
                    + "' line");
        }
        try {
            return new LiveIndex(prefix, entries);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("live index: " + e.getMessage(), e);
        }
    }

    private static void expect(String[] fields, int count, String keyword, String shape) {
        if (!fields[0].equals(keyword) || fields.length != count) {
            throw new IllegalArgumentException("expected '" + shape + "'");
        }
    }
}
