package dev.latchkey.signer;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fee-bump requests for the rows being tracked. The tracker of a row takes its request between two receipt polls, so
 * the replacement is built by the one thread that follows the row and never races its inclusion.
 */
final class BumpRequests {

    private final Set<String> tracked = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, CompletableFuture<FeeBump>> pending = new ConcurrentHashMap<>();

    void tracking(String intentId) {
        tracked.add(intentId);
    }

    /** The row settled: a request still waiting is answered with {@code why}. */
    void settled(String intentId, String why) {
        tracked.remove(intentId);
        CompletableFuture<FeeBump> waiting = pending.remove(intentId);
        if (waiting != null) waiting.complete(new FeeBump.Refused(intentId, why));
    }

    CompletableFuture<FeeBump> request(String intentId) {
        CompletableFuture<FeeBump> asked = new CompletableFuture<>();
        CompletableFuture<FeeBump> earlier = pending.putIfAbsent(intentId, asked);
        if (earlier != null) return earlier;
        if (!tracked.contains(intentId) && pending.remove(intentId, asked)) {
            asked.complete(new FeeBump.Refused(intentId, "it is not waiting for the chain: only an operation that was sent"
                    + " and is not confirmed yet can be sped up"));
        }
        return asked;
    }

    Optional<CompletableFuture<FeeBump>> take(String intentId) {
        return Optional.ofNullable(pending.remove(intentId));
    }
}
