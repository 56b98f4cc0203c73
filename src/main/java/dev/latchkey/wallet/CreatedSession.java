package dev.latchkey.wallet;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.util.List;

/**
 * A stored session awaiting the owner's approval: its id, the new session key, what it allows (summary, worst case
 * and the review lines the approval will show) and the digest the owner will sign.
 */
public record CreatedSession(HexBytes permissionId, Address account, Address sessionKey, String label, String summary,
                             String worstCase, List<String> review, long validAfter, long validUntil, HexBytes enableDigest,
                             List<Budgets.Line> budget) {

    public CreatedSession {
        review = List.copyOf(review);
        budget = List.copyOf(budget);
    }
}
