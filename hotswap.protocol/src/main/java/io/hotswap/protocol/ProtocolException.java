package io.hotswap.protocol;

/**
 * A message that is not what the protocol says: not strict JSON, or JSON of the wrong shape. The
 * message names the position or the field and what was expected, in JSON's words.
 *
 * @since 0.2
 */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
