package dev.latchkey.agent.bundle;

/** A bundle that cannot be written or read, with words that say why (a malformed file, another agent's directory, ...). */
public final class BundleException extends Exception {

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
