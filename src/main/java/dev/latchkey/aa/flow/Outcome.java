package dev.latchkey.aa.flow;

import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.session.engine.Refusal;

/** What became of a session operation: refused before signing (nothing sent), or included on chain. */
public sealed interface Outcome {

    record Refused(Refusal reason) implements Outcome { }

    record Included(UserOperationReceipt receipt) implements Outcome { }
}
