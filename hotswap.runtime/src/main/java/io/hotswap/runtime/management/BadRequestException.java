package io.hotswap.runtime.management;

/** A request the endpoint cannot answer: oversized, not JSON, or an unknown command. */
final class BadRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
        super(message);
    }
}
