package dev.latchkey.keystore;

import java.time.Instant;

/** One recorded evaluation of a rule (what happened at a block and why). */
public record AutomationEvaluation(long id, byte[] ruleId, long block, long chainTime, Result result, String reason, Instant at) {

    public enum Result { CREATED, WAITING, FIRED, SKIPPED, SUCCEEDED, FAILED, ATTENTION, DONE, PAUSED, RESUMED, EDITED, REMOVED }

    /** An evaluation to append (the engine batches one block's rows into one transaction). */
    public record New(byte[] ruleId, long block, long chainTime, Result result, String reason) { }
}
