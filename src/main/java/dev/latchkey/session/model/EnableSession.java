package dev.latchkey.session.model;

import java.util.List;

/** {@code EnableSession{uint8 chainDigestIndex; ChainDigest[] hashesAndChainIds; Session sessionToEnable; bytes permissionEnableSig}}. */
public record EnableSession(
        int chainDigestIndex, List<ChainDigest> hashesAndChainIds, OnchainSession sessionToEnable, HexBytes permissionEnableSig) {

    public EnableSession {
        if (hashesAndChainIds == null || hashesAndChainIds.isEmpty()) throw new FieldException("hashesAndChainIds", "at least one chain");
        if (chainDigestIndex < 0 || chainDigestIndex > 255 || chainDigestIndex >= hashesAndChainIds.size()) {
            throw new FieldException("chainDigestIndex", "out of range: " + chainDigestIndex);
        }
        if (sessionToEnable == null) throw new FieldException("sessionToEnable", "missing");
        if (permissionEnableSig == null) throw new FieldException("permissionEnableSig", "missing");
        hashesAndChainIds = List.copyOf(hashesAndChainIds);
    }
}
