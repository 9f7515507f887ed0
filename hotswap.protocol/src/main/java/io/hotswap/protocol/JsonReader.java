package io.hotswap.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one JSON text, strictly as RFC 8259 has it, into {@code Map} (insertion-ordered),
 * {@code List}, {@code String}, {@code Long} (an integer that fits) or {@code Double}, {@code Boolean}
 * and {@code null}.
 *
 * <p>Refused, each with the position and what was wrong: trailing text; whitespace other than
 * space, tab, line feed and carriage return; numbers outside the grammar ({@code 012}, {@code 1.},
 * {@code .5}, {@code +1}, {@code 1e}); a control character, a bad escape or an unpaired surrogate
 * (escaped or not) in a string; a key twice in one object. Nesting is bounded, since requests come
 * from outside the process. Messages name JSON's own kinds of value, never a Java type.
 */
final class JsonReader {

    private static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException naming the position, if {@code text} is not one JSON value
     */
    static Object parse(String text) {
        JsonReader r = new JsonReader(text);
        Object value = r.value(0);
        r.skipSpace();
        if (r.pos != text.length()) {
            throw r.error("unexpected text after the value");
        }
        return value;
    }

    /**
     * Parses a JSON object.
     *
     * @throws IllegalArgumentException if {@code text} is not JSON, or is JSON but no object
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, got " + kind(value));
        }
        return (Map<String, Object>) value;
    }

    /** What a parsed value is, in JSON's words: {@code an array}, {@code a string}, ... */
    static String kind(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Map) {
            return "an object";
        } else if (value instanceof List) {
            return "an array";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof Number) {
            return "a number";
        }
        throw new IllegalArgumentException("not a parsed JSON value");
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || isDigit(c)) {
                    yield number();
                }
                throw error("unexpected " + describe(c));
            }
        };
    }

    private Map<String, Object> object(int depth) {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(map);
        }
        for (;;) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            int keyAt = pos;
            String key = string();
            if (map.containsKey(key)) {
                pos = keyAt;
                throw error("duplicate key \"" + key + "\"");
            }
            skipSpace();
            expect(':');
            map.put(key, value(depth + 1));
            skipSpace();
            char c = next();
            if (c == '}') {
                return Collections.unmodifiableMap(map);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) {
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        for (;;) {
            list.add(value(depth + 1));
            skipSpace();
            char c = next();
            if (c == ']') {
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        for (;;) {
            char c = next();
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character U+" + hex(c) + " in a string");
            }
            if (c == '\\') {
                c = escape();
            }
            if (Character.isHighSurrogate(c)) {
                sb.append(c).append(lowSurrogate());
            } else if (Character.isLowSurrogate(c)) {
                throw error("unpaired surrogate U+" + hex(c) + " in a string");
            } else {
                sb.append(c);
            }
        }
    }

    /** The character after a backslash, the backslash read. */
    private char escape() {
        char e = next();
        return switch (e) {
            case '"', '\\', '/' -> e;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> {
                pos--;
                throw error("bad escape '\\" + e + "'");
            }
        };
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw error("short \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            char h = text.charAt(pos + i);
            int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (d < 0) {
                throw error("bad \\u escape");
            }
            value = value * 16 + d;
        }
        pos += 4;
        return (char) value;
    }

    /** The low surrogate that must follow a high one, as a character or as an escape. */
    private char lowSurrogate() {
        int at = pos;
        char c = pos < text.length() ? text.charAt(pos) : '\0';
        if (c == '\\' && text.startsWith("\\u", pos)) {
            pos += 2;
            c = unicodeEscape();
        } else if (Character.isLowSurrogate(c)) {
            pos++;
        }
        if (!Character.isLowSurrogate(c)) {
            pos = at;
            throw error("unpaired surrogate: a high surrogate not followed by a low one in a string");
        }
        return c;
    }

    /** {@code -? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?}, nothing else. */
    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("a number must not start with 0 followed by a digit");
            }
        } else {
            digits("a digit");
        }
        boolean integer = true;
        if (peek() == '.') {
            pos++;
            digits("a digit after the decimal point");
            integer = false;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits("a digit in the exponent");
            integer = false;
        }
        String n = text.substring(start, pos);
        if (integer) {
            try {
                return Long.parseLong(n);
            } catch (NumberFormatException e) {
                // beyond a long: a double, as other JSON readers do
            }
        }
        return Double.parseDouble(n);
    }

    private void digits(String what) {
        if (!isDigit(peek())) {
            throw error("expected " + what);
        }
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
        return value;
    }

    /** RFC 8259's whitespace: space, tab, line feed, carriage return; nothing else. */
    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private static String describe(char c) {
        if (c > 0x20 && c < 0x7f) {
            return "character '" + c + "'";
        }
        return "character U+" + hex(c) + (Character.isWhitespace(c) || Character.isSpaceChar(c)
                ? " (whitespace JSON does not allow)" : "");
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("malformed JSON at position " + pos + ": " + what);
    }
}
