package dev.latchkey.session.wallet;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.Policy;
import java.util.List;
import java.util.Optional;

/**
 * The wallet's high-level session (the @rhinestone/sdk {@code Session} shape) with the defaults of spec §6 already
 * applied: "no policies" is {@code [sudo]}, "no actions" is {@link Action#anyCall()}. Lists are exactly what goes
 * on chain, so an empty list here means an empty list there.
 */
public record WalletSession(
        Owners owners,
        List<Action> actions,
        List<Policy> policies,
        HexBytes salt,
        List<Long> chains,
        Optional<Signing> signing,
        boolean permitErc4337Paymaster) {

    public WalletSession {
        if (owners == null) throw new FieldException("owners", "missing");
        if (actions == null) throw new FieldException("actions", "missing");
        if (policies == null) throw new FieldException("policies", "missing");
        if (salt == null || salt.length() != 32) throw new FieldException("salt", "expected 32 bytes");
        if (chains == null) throw new FieldException("chains", "missing");
        if (signing == null) throw new FieldException("signing", "missing");
        actions = List.copyOf(actions);
        policies = List.copyOf(policies);
        chains = List.copyOf(chains);
    }
}
