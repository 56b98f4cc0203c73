package dev.latchkey.wallet;

import dev.latchkey.session.json.SessionDocument;
import dev.latchkey.trade.template.SessionTemplate;

/** What session to create. */
public sealed interface SessionRequest {

    /** A least-privilege template (docs/trade.md §2), valid from now for {@code days} (1..7). */
    record FromTemplate(SessionTemplate template, int days) implements SessionRequest { }

    /**
     * A session file in the wallet format of 03 (docs/session-format.md). Its owners are replaced by a new session key
     * from the vault, a zero salt by a fresh one, and its chains by this network. Unless {@code allowBroad}, it must
     * pass the same least-privilege check as the templates.
     */
    record FromDocument(SessionDocument document, String source, boolean allowBroad) implements SessionRequest { }
}
