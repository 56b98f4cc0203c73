package dev.latchkey.chain;

/** Our contracts cannot be (or were not) deployed as the build computes them; the message names the contract. */
public final class DeploymentException extends RuntimeException {

    public DeploymentException(String message) {
        super(message);
    }
}
