package dev.latchkey.ui.builder;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.ParamRule;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * What the session builder's form describes, already parsed into exact values (raw token units, wei, unix
 * seconds). Everything but the session key's address and the salt, which are chosen when the session is built.
 *
 * @param anyCall whether the session may call anything (the generic fallback action with sudo): unrestricted
 */
public record SessionSpec(OwnersSpec owners, List<ActionSpec> actions, boolean anyCall, LimitsSpec limits) {

    public SessionSpec {
        if (owners == null) throw new FieldException("owners", "missing");
        if (limits == null) throw new FieldException("limits", "missing");
        actions = List.copyOf(actions);
    }

    /** Who signs with the session. */
    public sealed interface OwnersSpec {
        /** One fresh session key generated in the vault (the default). */
        record NewKey() implements OwnersSpec { }

        /** OwnableValidator multisig: the new session key (if included) plus {@code others}, {@code threshold} of them. */
        record Multisig(boolean includeNewKey, List<Address> others, int threshold) implements OwnersSpec {
            public Multisig {
                others = List.copyOf(others);
            }
        }

        /** Any stateless session validator with its init data as given. */
        record Custom(Address validator, HexBytes initData) implements OwnersSpec { }
    }

    /**
     * One allowed call {@code target.selector}. With rules it gets a UniversalAction (per-call native value cap +
     * rules); without, sudo (any arguments), which makes the session unrestricted for that function.
     */
    public record ActionSpec(Address target, Selector selector, BigInteger valueLimitPerUse, List<ParamRule> rules) {
        public ActionSpec {
            if (target == null) throw new FieldException("target", "missing");
            if (selector == null) throw new FieldException("selector", "missing");
            if (valueLimitPerUse == null) throw new FieldException("valueLimitPerUse", "missing");
            rules = List.copyOf(rules);
        }
    }

    /** A spending cap on one ERC-20 token, attached to every approve/transfer action on that token. */
    public record TokenCap(Address token, Optional<BigInteger> perPeriod, Optional<BigInteger> total) { }

    /**
     * Session-wide limits. {@code validAfter}/{@code validUntil} are unix seconds (0 = unbounded); {@code period} is
     * the refill period of every per-period token cap.
     */
    public record LimitsSpec(long validAfter, long validUntil, Optional<BigInteger> maxOperations, Optional<RateSpec> rate,
                             Optional<BigInteger> ethValueTotal, Optional<BigInteger> gasCostTotal, long period, List<TokenCap> tokenCaps) {
        public LimitsSpec {
            tokenCaps = List.copyOf(tokenCaps);
        }

        public Optional<TokenCap> capOf(Address token) {
            return tokenCaps.stream().filter(c -> c.token().equals(token)).findFirst();
        }
    }

    /** At most {@code maxUses} operations per {@code intervalSeconds}. */
    public record RateSpec(long maxUses, long intervalSeconds) { }
}
