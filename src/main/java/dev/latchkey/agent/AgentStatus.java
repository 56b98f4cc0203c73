package dev.latchkey.agent;

/**
 * What the agent is doing, for the health endpoint and the metrics: written by the run loop, read by the HTTP
 * threads (each field on its own; a scrape may mix two consecutive passes, never a torn value).
 */
public final class AgentStatus {

    /** Life cycle: RUNNING signs and fires; REVOKED saw the owner take the session back; STOPPING/STOPPED on a signal. */
    public enum State { STARTING, RUNNING, REVOKED, STOPPING, STOPPED }

    private volatile State state = State.STARTING;
    private volatile long head = -1;
    private volatile long headSeenAtMillis;
    private volatile long revokedAtBlock = -1;
    private volatile String detail = "";

    public State state() {
        return state;
    }

    public long head() {
        return head;
    }

    public long headSeenAtMillis() {
        return headSeenAtMillis;
    }

    public long revokedAtBlock() {
        return revokedAtBlock;
    }

    public String detail() {
        return detail;
    }

    void state(State s, String why) {
        state = s;
        detail = why;
    }

    void head(long block, long atMillis) {
        head = block;
        headSeenAtMillis = atMillis;
    }

    void revoked(long block, String why) {
        revokedAtBlock = block;
        state(State.REVOKED, why);
    }
}
