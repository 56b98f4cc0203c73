package dev.latchkey.signer;

/** Receives a new {@link SignerState} after every change, on a signer thread: hand it over, do not block. */
@FunctionalInterface
public interface SignerListener {
    void onState(SignerState state);
}
