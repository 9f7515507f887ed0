package io.hotswap.protocol.live;

import java.util.Objects;

/**
 * One live name of a plugin, as recorded in its {@link LiveIndex}.
 *
 * @param kind      a static method or a class
 * @param name      the live name: the {@code @Live} value, else the method name or
 *                  the class's simple name, prefix included
 * @param className the binary name of the declaring class ({@code a.b.Outer$Inner})
 * @param member    the static method's name for a {@link Kind#FUNCTION}, empty for a {@link Kind#TYPE}
 * @since 0.1
 */
public record LiveEntry(Kind kind, String name, String className, String member) {

    /** What a live name stands for. */
    public enum Kind {
        /** A static method, called through the vault's live functions. */
        FUNCTION,
        /** A class or record, made and restored through the vault's live types. */
        TYPE
    }

    /**
     * @throws IllegalArgumentException if a name is blank or holds whitespace, or if the member
     *         does not fit the kind
     */
    public LiveEntry {
        Objects.requireNonNull(kind, "kind");
        requireToken(name, "name");
        requireToken(className, "className");
        Objects.requireNonNull(member, "member");
        if (kind == Kind.FUNCTION) {
            requireToken(member, "member");
        } else if (!member.isEmpty()) {
            throw new IllegalArgumentException("a live type has no member, got '" + member + "' for " + name);
        }
    }

    static String requireToken(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + " must be non-empty and without whitespace, was '" + value + "'");
        }
        return value;
    }

    /** {@code a.b.Jobs.live_run} or {@code a.b.live_Job}, for messages. */
    public String target() {
        return kind == Kind.FUNCTION ? className + "." + member : className;
    }
}
