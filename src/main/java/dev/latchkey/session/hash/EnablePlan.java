package dev.latchkey.session.hash;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.ChainDigest;
import dev.latchkey.session.model.EnableSession;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.SmartSessionMode;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;
import java.util.List;

/**
 * Everything the owner approves once for a multi-chain ENABLE (spec §8 step 2b): one digest per chain and the
 * multichain hash to sign. {@link #enableSession} then builds the per-chain {@code EnableSession}.
 */
public record EnablePlan(OnchainSession session, SmartSessionMode mode, List<ChainDigest> chainDigests, HexBytes hashToSign) {

    /** A chain and SmartSession's {@code getNonce(permissionId, account)} on it. */
    public record ChainNonce(long chainId, BigInteger nonce) {
        public ChainNonce {
            UInt.check("nonce", nonce, 256);
        }
    }

    public EnablePlan {
        if (!mode.enables()) throw new FieldException("mode", "ENABLE or UNSAFE_ENABLE");
        chainDigests = List.copyOf(chainDigests);
    }

    public static EnablePlan of(OnchainSession session, Address account, Address smartSession, SmartSessionMode mode, List<ChainNonce> chains) {
        if (chains.isEmpty()) throw new FieldException("chains", "at least one chain");
        List<ChainDigest> digests = chains.stream()
                .map(c -> new ChainDigest(c.chainId(), SessionDigests.sessionDigest(session, account, smartSession, mode, c.nonce()))).toList();
        return new EnablePlan(session, mode, digests, SessionDigests.multichainDigest(digests));
    }

    /** The EnableSession for chain {@code chainId}, with the account-formatted owner signature. */
    public EnableSession enableSession(long chainId, HexBytes permissionEnableSig) {
        for (int i = 0; i < chainDigests.size(); i++) {
            if (chainDigests.get(i).chainId() == chainId) return new EnableSession(i, chainDigests, session, permissionEnableSig);
        }
        throw new FieldException("chainId", "not part of this enable plan: " + Long.toUnsignedString(chainId));
    }
}
