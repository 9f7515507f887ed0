package io.hotswap.protocol;

/**
 * One reply of a management endpoint: {@code {"ok":true,...}} with a status or reload details, or
 * {@code {"ok":false,"error":...}}; the holders of leaked versions come as {@code "leakPaths"}.
 *
 * @since 0.2
 */
public sealed interface Reply permits StatusReply, ReloadReply, LeaksReply, ErrorReply {

    /** Whether the request succeeded: every reply but an {@link ErrorReply}. */
    default boolean ok() {
        return !(this instanceof ErrorReply);
    }
}
