package dev.latchkey.automation;

import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.Outcome;
import dev.latchkey.signer.SignerIntent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** The signer port as a recorder: every intent it receives, answered by {@code answer} (null = never completes). */
public final class RecordingSigner implements IntentPort {

    final List<SignerIntent> received = new CopyOnWriteArrayList<>();
    volatile Function<SignerIntent, Outcome> answer = i -> new Outcome.Included(i.idHex(), HexBytes.zeros(32), received.size() - 1, "0x01", true);

    @Override
    public CompletableFuture<Outcome> submit(SignerIntent intent) {
        received.add(intent);
        Outcome o = answer.apply(intent);
        return o == null ? new CompletableFuture<>() : CompletableFuture.completedFuture(o);
    }

    List<String> ids() {
        return received.stream().map(SignerIntent::idHex).toList();
    }
}
