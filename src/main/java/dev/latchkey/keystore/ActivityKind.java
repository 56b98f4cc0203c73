package dev.latchkey.keystore;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of activity-log row, with the stored code it has always had. The code is also what
 * {@code latchkey signer run} prints as a decision, so scripts that read it keep working; code inside the app matches
 * on the constant, never on the text.
 */
public enum ActivityKind {
    WALLET_CREATED(Family.WALLET, "CREATE"),
    KDF_UPGRADED(Family.WALLET, "KDF_UPGRADE"),
    PASSWORD_CHANGED(Family.WALLET, "PASSWORD_CHANGE"),
    UNLOCKED(Family.WALLET, "UNLOCK"),
    UNLOCK_FAILED(Family.WALLET, "UNLOCK_FAILED"),
    UNLOCK_STATE_EDITED(Family.WALLET, "UNLOCK_STATE_EDITED"),
    LOCKED(Family.WALLET, "LOCK"),
    OWNER_KEYS_LOCKED(Family.WALLET, "OWNER_KEYS_LOCKED"),
    BACKUP_WRITTEN(Family.WALLET, "BACKUP"),

    SECRET_ADDED(Family.SECRET, "SECRET_ADDED"),
    SECRET_RELEASED(Family.SECRET, "SECRET_RELEASED"),
    SECRET_QUARANTINED(Family.SECRET, "SECRET_QUARANTINED"),
    SECRET_WIPED(Family.SECRET, "SECRET_WIPED"),
    SECRET_DELETED(Family.SECRET, "SECRET_DELETED"),

    SESSION_ADDED(Family.SESSION, "SESSION_ADDED"),
    SESSION_APPROVED(Family.SESSION, "SESSION_APPROVED"),
    SESSION_ENABLED(Family.SESSION, "SESSION_ENABLED"),
    SESSION_STATUS(Family.SESSION, "SESSION_STATUS"),
    /** The session was sealed into a bundle for a server's agent (issue 16). */
    SESSION_SHARED(Family.SESSION, "session.shared"),
    /** An agent imported its bundle into its own store. */
    AGENT_IMPORTED(Family.SESSION, "agent.imported"),

    ACCOUNT_CREATED(Family.ACCOUNT, "account.created"),
    ACCOUNT_FUNDED(Family.ACCOUNT, "account.funded"),
    ACCOUNT_DEPLOYED(Family.ACCOUNT, "account.deployed"),
    ACCOUNT_IMPORTED(Family.ACCOUNT, "account.imported"),
    OWNER_SIGNATURE(Family.ACCOUNT, "owner.signature"),

    SIGNER_APPROVED(Family.SIGNER, "signer.approved"),
    SIGNER_REFUSED(Family.SIGNER, "signer.refused"),
    SIGNER_RESUMED(Family.SIGNER, "signer.resumed"),
    SIGNER_RESENT(Family.SIGNER, "signer.resent"),
    /** A stuck operation replaced at its sequence with higher fees (docs/signer.md, "Fee bumps"). */
    SIGNER_FEE_BUMPED(Family.SIGNER, "signer.fee-bumped"),
    SIGNER_UNCONFIRMED(Family.SIGNER, "signer.unconfirmed"),
    SIGNER_INCLUDED(Family.SIGNER, "signer.included"),
    SIGNER_ENABLED(Family.SIGNER, "signer.enabled"),
    SIGNER_FAILED(Family.SIGNER, "signer.failed"),
    SIGNER_CONFLICT(Family.SIGNER, "signer.conflict"),
    SIGNER_RECONCILED(Family.SIGNER, "signer.reconciled"),
    SIGNER_MISMATCH(Family.SIGNER, "signer.mismatch"),
    /** About the wallet, not one operation: a backup was restored and the signer reconciled from the chain. */
    SIGNER_RESTORED(Family.SIGNER, "signer.restored"),

    AUTOMATION_ADDED(Family.AUTOMATION, "automation.added"),
    AUTOMATION_SKIPPED(Family.AUTOMATION, "automation.skipped"),
    AUTOMATION_FIRED(Family.AUTOMATION, "automation.fired"),
    AUTOMATION_SUCCEEDED(Family.AUTOMATION, "automation.succeeded"),
    AUTOMATION_FAILED(Family.AUTOMATION, "automation.failed"),
    /** A rule resumed by the owner (its status is ACTIVE again). */
    AUTOMATION_RESUMED(Family.AUTOMATION, "automation.active"),
    AUTOMATION_PAUSED(Family.AUTOMATION, "automation.paused"),
    AUTOMATION_NEEDS_ATTENTION(Family.AUTOMATION, "automation.needs_attention"),
    AUTOMATION_DONE(Family.AUTOMATION, "automation.done"),
    AUTOMATION_REMOVED(Family.AUTOMATION, "automation.removed"),

    /** A click on the trade screen whose decision came back: the row's one-line description. */
    TRADE_REQUESTED(Family.TRADE, "trade.requested"),
    /** A refusal put in the trade's terms (token amounts and names); shown instead of the engine's words. */
    TRADE_EXPLAINED(Family.TRADE, "trade.explained"),

    /** A stored code this version does not know (a newer wallet's row); shown nowhere, kept as it is. */
    OTHER(Family.OTHER, "");

    /** Who writes the kind. */
    public enum Family { WALLET, SECRET, SESSION, ACCOUNT, SIGNER, AUTOMATION, TRADE, OTHER }

    private static final Map<String, ActivityKind> BY_CODE = Arrays.stream(values()).filter(k -> k != OTHER)
            .collect(Collectors.toUnmodifiableMap(ActivityKind::code, Function.identity()));

    private final Family family;
    private final String code;

    ActivityKind(Family family, String code) {
        this.family = family;
        this.code = code;
    }

    public Family family() {
        return family;
    }

    /** The stored code (and the CLI's decision word). */
    public String code() {
        return code;
    }

    /** The stored code, so a kind printed in a line or a JSON field reads as it always did. */
    @Override
    public String toString() {
        return code;
    }

    public static ActivityKind ofCode(String code) {
        return BY_CODE.getOrDefault(code, OTHER);
    }

    /** The automation kind of a rule's status move. */
    public static ActivityKind ofRuleStatus(AutomationRule.Status status) {
        return switch (status) {
            case ACTIVE -> AUTOMATION_RESUMED;
            case PAUSED -> AUTOMATION_PAUSED;
            case NEEDS_ATTENTION -> AUTOMATION_NEEDS_ATTENTION;
            case DONE -> AUTOMATION_DONE;
            case REMOVED -> AUTOMATION_REMOVED;
        };
    }
}
