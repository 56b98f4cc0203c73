package dev.latchkey.devnet;

/** The devnet could not start or be used; the message names the cause and the fix. */
public final class DevnetException extends RuntimeException {

    public DevnetException(String message) {
        super(message);
    }

    public DevnetException(String message, Throwable cause) {
        super(message, cause);
    }
}
