package dev.latchkey.aa.submit;

/** A user operation could not be submitted or was not included. The message says why in user terms. */
public final class UserOperationException extends RuntimeException {

    public UserOperationException(String message, Throwable cause) {
        super(message, cause);
    }

    public UserOperationException(String message) {
        super(message);
    }
}
