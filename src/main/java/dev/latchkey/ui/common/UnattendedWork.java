package dev.latchkey.ui.common;

/**
 * What keeps working for the person while they are away: the automation rules the engine evaluates and whether the
 * signer (session keys only) runs. The app implements it over the open workspace; the auto-lock asks it to decide
 * between locking the owner key only and locking the whole wallet (docs/security.md).
 */
@FunctionalInterface
public interface UnattendedWork {

    /** Nothing runs (no workspace, or an app without one). */
    UnattendedWork NONE = () -> Report.NOTHING;

    /** What runs now; may read the keystore (call off the FX thread). */
    Report now();

    /**
     * @param activeRules   rules the running engine evaluates (ACTIVE, on the workspace's network)
     * @param signerRunning the background signer and the automation engine are running (not paused)
     */
    record Report(int activeRules, boolean signerRunning) {

        public static final Report NOTHING = new Report(0, false);

        public Report {
            if (activeRules < 0) throw new IllegalArgumentException("activeRules must not be negative");
        }

        /** Worth keeping the session keys for: there is a rule to run and something to run it. */
        public boolean keepsRunning() {
            return signerRunning && activeRules > 0;
        }
    }
}
