package dev.latchkey.ui.status;

/** How a status-bar item looks: the view maps it to a colour, the view model decides it. */
public enum Indicator {
    /** Not known yet (first poll out). */
    PENDING,
    GOOD,
    /** Works, but something needs attention (stale block, paused signer). */
    WARNING,
    BAD,
    /** Nothing to report (no network, no bundler configured, signer off). */
    NEUTRAL
}
