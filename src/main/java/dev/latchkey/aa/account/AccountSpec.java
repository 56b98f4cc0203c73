package dev.latchkey.aa.account;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.SessionMapper;
import java.util.List;

/**
 * What makes a LatchkeyAccount's counterfactual address: the factory salt, the owners' OwnableValidator config
 * and SmartSession's install data (usually empty).
 */
public record AccountSpec(HexBytes salt, HexBytes ownerValidatorInitData, HexBytes smartSessionInitData) {
    public AccountSpec {
        if (salt == null || salt.length() != 32) throw new FieldException("salt", "expected 32 bytes");
        if (ownerValidatorInitData == null) throw new FieldException("ownerValidatorInitData", "missing");
        if (smartSessionInitData == null) throw new FieldException("smartSessionInitData", "missing");
    }

    /** ECDSA owners (threshold of {@code owners}) and SmartSession installed without sessions. */
    public static AccountSpec ecdsa(HexBytes salt, List<Address> owners, int threshold) {
        return new AccountSpec(salt, SessionMapper.validatorInitData(new Owners.Ecdsa(owners, threshold)), HexBytes.EMPTY);
    }
}
