package dev.latchkey.wallet;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import java.util.List;

/**
 * Renew: a new session with the same scope as an old one — the same actions, rules, caps, signing and paymaster
 * permission — for a new session key, a fresh salt, and a validity of the same length starting now. Its permission
 * id differs (new key and salt), so its cumulative budgets start from zero on chain; the old session is left as it
 * is (it runs out, or the person revokes it). Pure: the caller stores and approves the result once.
 */
public final class SessionRenewal {

    private SessionRenewal() {
    }

    /**
     * @param ownableValidator the network's OwnableValidator (the old session's validator must be it, with one key)
     * @param now              the chain's time: the new validity starts here
     */
    public static OnchainSession renew(OnchainSession old, PolicyAddresses addresses, long chainId, Address ownableValidator,
                                       Address newKey, HexBytes salt, long now) {
        WalletSession ws = SessionMapper.toWallet(old, addresses, List.of(chainId));
        Owners owners = SessionMapper.owners(old.sessionValidator(), old.sessionValidatorInitData(), ownableValidator);
        if (!(owners instanceof Owners.Ecdsa e) || e.threshold() != 1 || e.accounts().size() != 1) {
            throw new FieldException("session", "only a session signed by one session key from the vault can be renewed;"
                    + " build a new one in the builder");
        }
        List<Action> actions = ws.actions().stream().map(a -> new Action(a.target(), a.selector(), shifted(a.policies(), now))).toList();
        WalletSession next = new WalletSession(new Owners.Ecdsa(List.of(newKey), 1, e.validator()), actions, shifted(ws.policies(), now),
                salt, ws.chains(), ws.signing(), ws.permitErc4337Paymaster());
        if (next.policies().stream().noneMatch(p -> p instanceof Policy.TimeFrame)) {
            throw new FieldException("session", "the session has no validity period to renew");
        }
        return SessionMapper.toOnchain(next, addresses);
    }

    /** Every time frame moved to start now, keeping its length; "no end" (0) stays. */
    private static List<Policy> shifted(List<Policy> policies, long now) {
        return policies.stream().map(p -> p instanceof Policy.TimeFrame t ? frame(t, now) : p).toList();
    }

    private static Policy frame(Policy.TimeFrame t, long now) {
        if (t.validUntil() == 0) return new Policy.TimeFrame(0, now);
        long length = t.validUntil() - t.validAfter();
        if (length <= 0) throw new FieldException("session", "its validity period is empty");
        return new Policy.TimeFrame(now + length, now);
    }
}
