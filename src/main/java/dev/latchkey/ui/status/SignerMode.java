package dev.latchkey.ui.status;

/** The background signer as the status bar shows it. */
public enum SignerMode {
    /** Signing intents that fit an enabled session. */
    RUNNING,
    /** Paused by the user: intents wait, nothing is signed until resumed. */
    PAUSED,
    /** The wallet is locked: session keys are not available, so nothing can be signed. */
    LOCKED,
    /** No signer for this network (none set up yet). */
    OFF
}
