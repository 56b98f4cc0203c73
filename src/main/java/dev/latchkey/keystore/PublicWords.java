package dev.latchkey.keystore;

import java.util.Map;

/**
 * The words an automation decision leaves in the activity log, which stays readable without the password (the
 * Activity screen, {@code signer run}'s feed). The full reason is sealed with the rule ({@link SealedNotes}); here a
 * reason is kept only when it holds no digit at all — a level, an amount, a time or an address always has one — and
 * otherwise replaced by fixed words for its kind.
 */
final class PublicWords {

    private static final Map<String, String> SKIPS = Map.of(
            "balance", "the balance is too low for it",
            "policy", "the session would refuse it now",
            "build", "the trade could not be built",
            "read-error", "the chain could not be read",
            "no-position", "the account holds none of the token to sell",
            "no-price", "the Aave oracle has no price for the asset");

    private PublicWords() {
    }

    /** A skip recorded as {@code code: message} (the engine's form). */
    static String skip(String reason) {
        if (!hasDigit(reason)) return reason;
        int colon = reason.indexOf(':');
        String code = colon > 0 ? reason.substring(0, colon) : "";
        String words = SKIPS.get(code);
        return (words == null ? "the rule could not run now" : code + ": " + words) + "; unlock and open the rule for the details";
    }

    static String status(AutomationRule.Status to, String reason) {
        if (!hasDigit(reason)) return reason;
        return switch (to) {
            case NEEDS_ATTENTION -> "the rule needs you; unlock and open it in Automations for the reason";
            case DONE -> "the rule has finished; unlock and open it for the details";
            case PAUSED -> "paused";
            case ACTIVE -> "resumed";
            case REMOVED -> "removed";
        };
    }

    private static boolean hasDigit(String s) {
        return s != null && s.codePoints().anyMatch(Character::isDigit);
    }
}
