package dev.latchkey.signer;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two futures per intent in flight: the caller's, which may be answered early with {@link Outcome.Unconfirmed}
 * (a bundler said no but the chain has not decided), and the settled one, which the pipeline completes once with how
 * the row really ended. A second submission of an id still in flight waits on the settled one: "retry" after a
 * "not confirmed yet" follows the same signed operation instead of making a second one.
 */
final class Replies {

    private final Map<String, CompletableFuture<Outcome>> callers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Outcome>> settled = new ConcurrentHashMap<>();

    /** The settled future of {@code id}; when it completes, the caller's future gets the same outcome (if still open). */
    CompletableFuture<Outcome> open(String id, CompletableFuture<Outcome> caller) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        callers.put(id, caller);
        settled.put(id, done);
        done.whenComplete((o, t) -> {
            callers.remove(id, caller);
            settled.remove(id, done);
            caller.complete(o != null ? o : new Outcome.Failed(id, String.valueOf(t)));
        });
        return done;
    }

    /** Tells the caller now that the operation is not confirmed yet; the settled future stays open. */
    void unconfirmed(Outcome.Unconfirmed u) {
        CompletableFuture<Outcome> c = callers.get(u.intentId());
        if (c != null) c.complete(u);
    }

    /** The settled future of an intent still in flight in this run. */
    Optional<CompletableFuture<Outcome>> settling(String id) {
        return Optional.ofNullable(settled.get(id));
    }

    void clear() {
        callers.clear();
        settled.clear();
    }
}
