package dev.latchkey.signer;

import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.model.OnchainSession;
import java.util.Optional;

/**
 * Port: the on-chain {@code Session} struct a stored session stands for (decoded from {@code sessionStruct} or kept
 * beside it by the enable flow). Empty = unknown, and the signer refuses to use the session.
 */
@FunctionalInterface
public interface SessionDefinitions {

    Optional<OnchainSession> definitionOf(SessionRecord session);
}
