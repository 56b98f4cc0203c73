package dev.latchkey.session.codec;

import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;

/**
 * {@code EnableSession.permissionEnableSig}: the owner's signature over the multichain digest, wrapped in the
 * account's ERC-1271 format (spec §2.4). Matches module-sdk {@code formatPermissionEnableSig}.
 */
public final class PermissionEnableSig {

    private PermissionEnableSig() { }

    /**
     * @param validator the account validator that checks {@code ownerSignature} (e.g. the owners' OwnableValidator)
     * @param ownerSignature the validator's signature, e.g. 65-byte ECDSA signatures over the digest, concatenated
     */
    public static HexBytes format(AccountKind kind, Address validator, HexBytes ownerSignature) {
        HexBytes v = HexBytes.of(validator.bytes());
        return switch (kind) {
            case LATCHKEY, SAFE7579, NEXUS, ERC7579_REFERENCE -> v.concat(ownerSignature);
            case KERNEL -> HexBytes.of(new byte[] {1}).concat(v).concat(ownerSignature);
        };
    }
}
