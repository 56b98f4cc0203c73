package dev.latchkey.automation;

import dev.latchkey.signer.Outcome;
import dev.latchkey.signer.SignerIntent;
import java.util.concurrent.CompletableFuture;

/** Port: where firings go — {@code SignerService::submit} in production, a recording double in tests. */
@FunctionalInterface
public interface IntentPort {

    /** Queues the intent; the future completes with the signer's outcome. Must dedup by {@link SignerIntent#id()}. */
    CompletableFuture<Outcome> submit(SignerIntent intent);
}
