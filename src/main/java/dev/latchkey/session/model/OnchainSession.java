package dev.latchkey.session.model;

import java.util.List;

/**
 * The on-chain {@code Session} struct of SmartSession (spec §1.1), field for field. The permission booleans of the
 * enable digest are not stored here: they are derived from {@link #actions()} and the mode.
 */
public record OnchainSession(
        Address sessionValidator,
        HexBytes sessionValidatorInitData,
        HexBytes salt,
        List<PolicyData> userOpPolicies,
        Erc7739Data erc7739Policies,
        List<ActionData> actions,
        boolean permitErc4337Paymaster) {

    public OnchainSession {
        if (sessionValidator == null) throw new FieldException("sessionValidator", "missing");
        if (sessionValidatorInitData == null) throw new FieldException("sessionValidatorInitData", "missing");
        if (salt == null || salt.length() != 32) throw new FieldException("salt", "expected 32 bytes");
        if (userOpPolicies == null) throw new FieldException("userOpPolicies", "missing");
        if (erc7739Policies == null) throw new FieldException("erc7739Policies", "missing");
        if (actions == null) throw new FieldException("actions", "missing");
        userOpPolicies = List.copyOf(userOpPolicies);
        actions = List.copyOf(actions);
    }

    /** {@code permitGenericPolicy}: some action is the generic fallback (target 0x..01, selector 0x00000001). */
    public boolean permitsGenericPolicy() {
        return actions.stream().anyMatch(ActionData::isGenericFallback);
    }

    /** {@code permitAdminAccess}: some action is the admin fallback (target 0x..01, selector 0x00000002). */
    public boolean permitsAdminAccess() {
        return actions.stream().anyMatch(ActionData::isAdminFallback);
    }
}
