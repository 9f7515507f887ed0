package io.hotswap.protocol.endpoint;

/**
 * A {@link HostQuery} that does not name exactly one running host; the message lists the hosts
 * running.
 *
 * @since 0.2
 */
public final class HostSelectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why no host was chosen. */
    public enum Reason {
        /** No running host matches: a failure (the host is not up). */
        NONE,
        /** Several running hosts match: the caller must say which. */
        SEVERAL
    }

    private final Reason reason;

    HostSelectionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
