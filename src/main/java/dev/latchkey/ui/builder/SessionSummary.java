package dev.latchkey.ui.builder;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.SessionReview;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain-language summary: one line per allowed function with its rules and caps by argument name
 * ("USDC.approve: spender == SwapRouter02, amount ≤ 500 USDC, spending at most 2,000 USDC per day"), then the
 * session-wide limits. Built on the same {@link SessionReview} the approve screen uses.
 */
public final class SessionSummary {

    private SessionSummary() { }

    public static List<String> lines(WalletSession s, TradeNetwork network, Address account, java.time.ZoneId zone) {
        List<String> review = SessionReview.lines(s, network, account);
        List<String> session = new ArrayList<>();
        List<String> grants = new ArrayList<>();
        List<String> out = new ArrayList<>();
        String head = null;
        List<String> parts = new ArrayList<>();
        for (String line : review) {
            if (line.startsWith(SessionReview.SIGNING) || line.startsWith(SessionReview.PAYMASTER)) {
                grants.add(Character.toUpperCase(line.charAt(0)) + line.substring(1));
            } else if (line.startsWith("operation: ")) {
                session.add(SessionExposure.readable(line.substring("operation: ".length()), zone));
            } else if (line.startsWith("  ")) {
                String part = line.trim();
                if (!part.equals("native value ≤ 0 ETH")) parts.add(part); // ETH value 0 is said once, in the exposure
            } else {
                if (head != null) out.add(join(head, parts));
                head = line;
                parts = new ArrayList<>();
            }
        }
        if (head != null) out.add(join(head, parts));
        if (out.isEmpty()) out.add("No function may be called (every call is refused).");
        out.add("Session: " + (session.isEmpty() ? "no limits" : String.join("; ", session)));
        out.addAll(grants);
        return out;
    }

    private static String join(String head, List<String> parts) {
        return parts.isEmpty() ? head : head + ": " + String.join(", ", parts);
    }
}
