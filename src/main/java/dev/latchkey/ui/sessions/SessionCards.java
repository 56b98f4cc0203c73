package dev.latchkey.ui.sessions;

import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.ui.common.Formats;
import dev.latchkey.ui.sessions.SessionCard.Meter;
import dev.latchkey.wallet.SessionUsage;
import dev.latchkey.wallet.SessionUsageReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds a {@link SessionCard} from a stored session, its decoded on-chain definition and the live policy state. The
 * numbers come from the wallet's {@link SessionUsageReader} (the same the CLI shows); this class only words them:
 * titles, "today" for a daily window, the policy a meter comes from.
 */
public final class SessionCards {

    private static final long DAY = 86_400;

    private final SessionUsageReader usage;

    public SessionCards(PolicyAddresses addresses, TradeNetwork network) {
        this.usage = new SessionUsageReader(addresses, network);
    }

    public SessionCard card(SessionRecord r, OnchainSession definition, String label, PolicyState state, long chainTime) {
        HexBytes pid = HexBytes.of(r.permissionId());
        SessionCard.Status status = status(r, chainTime);
        List<String> actions = usage.actions(definition);
        try {
            SessionUsage u = usage.read(new Address(r.account().toLowerCase(Locale.ROOT)), pid, definition, state, chainTime);
            return new SessionCard(pid, label, status, r.validAfter(), r.validUntil(), u.operations().map(SessionCards::meter),
                    u.meters().stream().map(SessionCards::meter).toList(), actions, Optional.empty());
        } catch (RuntimeException e) {
            return new SessionCard(pid, label, status, r.validAfter(), r.validUntil(), Optional.empty(), List.of(), actions,
                    Optional.of("Usage could not be read: " + e.getMessage()));
        }
    }

    /** The status a user sees; chain time decides expiry, as it does for the signer (R9). */
    public static SessionCard.Status status(SessionRecord r, long chainTime) {
        return switch (r.status()) {
            case REVOKED -> SessionCard.Status.REVOKED;
            case REVOKING -> SessionCard.Status.REVOKING;
            case EXPIRED -> SessionCard.Status.EXPIRED;
            case ENABLED, PENDING_ENABLE -> {
                if (chainTime >= r.validUntil()) {
                    yield SessionCard.Status.EXPIRED;
                }
                if (r.status() == SessionStatus.ENABLED) {
                    yield SessionCard.Status.ENABLED;
                }
                yield r.approved() ? SessionCard.Status.READY : SessionCard.Status.AWAITING_APPROVAL;
            }
        };
    }

    /** Presentation of one shared meter: "USDC today: 300 / 2,000 USDC" from "approve, periodic limit". */
    static Meter meter(SessionUsage.Meter m) {
        String fn = m.function();
        String title = switch (m.kind()) {
            case OPERATIONS -> "Operations";
            case GAS_COST -> "Gas";
            case VALUE -> "ETH value";
            case CALLS, RATE_LIMIT -> fn + " calls";
            case SPENDING, PERIODIC_SPENDING, RULE_TOTAL -> m.token()
                    .map(t -> m.symbol().orElse(Formats.shortHex(t.checksummed()))).orElse(m.argument());
        };
        String window = m.periodSeconds()
                .map(p -> m.kind() == SessionUsage.Kind.PERIODIC_SPENDING && p == DAY ? "today" : "per " + Formats.duration(p))
                .orElse("in total");
        String unit = m.token().isPresent() ? m.symbol().orElse("units") : m.symbol().orElse("");
        String source = switch (m.kind()) {
            case OPERATIONS, CALLS -> "usage limit";
            case GAS_COST -> "gas-cost limit";
            case VALUE -> fn.isEmpty() ? "value limit" : fn + ", value limit";
            case RATE_LIMIT -> "rate limit";
            case SPENDING -> fn + ", spending limit";
            case PERIODIC_SPENDING -> fn + ", periodic limit";
            case RULE_TOTAL -> fn + " " + m.argument() + ", cumulative rule";
        };
        return new Meter(title, window, m.used(), m.limit(), m.decimals(), unit, source);
    }
}
