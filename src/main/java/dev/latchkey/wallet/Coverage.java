package dev.latchkey.wallet;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.signer.SessionDefinitions;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.CatalogFunction;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which stored session covers a trade (an action for every (target, selector) of its calls), and for the others why
 * not — what the Trade screen and the CLI tell the user before and after the signer decides.
 */
public final class Coverage {

    /** The usable session if any, and one line per other session of the account on this chain. */
    public record Report(Optional<SessionRecord> covering, List<String> reasons) { }

    private final Sessions sessions;
    private final SessionDefinitions definitions;
    private final PolicyAddresses policies;
    private final TradeNetwork network;

    Coverage(Sessions sessions, SessionDefinitions definitions, PolicyAddresses policies, TradeNetwork network) {
        this.sessions = sessions;
        this.definitions = definitions;
        this.policies = policies;
        this.network = network;
    }

    Report of(Address account, List<Execution> calls, long chainTime) throws KeystoreException {
        List<String> reasons = new ArrayList<>();
        SessionRecord usable = null;
        for (SessionRecord s : sessions.all()) {
            if (!Address.parse("account", s.account()).equals(account)
                    || s.chains().stream().noneMatch(c -> c.chainId() == network.chainId())) {
                continue;
            }
            String name = "session " + HexBytes.of(s.permissionId()).hex().substring(0, 10);
            Optional<OnchainSession> def = definitions.definitionOf(s);
            if (def.isEmpty()) {
                reasons.add(name + ": its stored definition cannot be read");
                continue;
            }
            PreparedSession p = PreparedSession.of(def.get(), policies);
            Optional<String> missing = calls.stream().filter(c -> p.policiesFor(c.target(), selector(c)).isEmpty())
                    .map(this::describe).findFirst();
            if (missing.isPresent()) {
                reasons.add(name + ": has no action for " + missing.get());
            } else if (s.status() == SessionStatus.REVOKED || s.status() == SessionStatus.REVOKING) {
                reasons.add(name + ": covers it but is revoked");
            } else if (chainTime >= s.validUntil()) {
                reasons.add(name + ": covers it but expired");
            } else if (chainTime < s.validAfter()) {
                reasons.add(name + ": covers it but is not valid yet");
            } else if (usable == null) {
                usable = s;
            }
        }
        if (usable == null && reasons.isEmpty()) reasons.add("the account has no session on " + network.name() + "; create one with"
                + " 'latchkey session create'");
        return new Report(Optional.ofNullable(usable), reasons);
    }

    private static Selector selector(Execution c) {
        return Selector.ofCallData(c.callData().unsafeBytes());
    }

    private String describe(Execution c) {
        Selector sel = selector(c);
        String fn = Catalog.bySelector(sel).map(CatalogFunction::name).orElse(sel.hex());
        return network.label(c.target()).orElse(c.target().checksummed()) + "." + fn;
    }
}
