package dev.latchkey.keystore;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The typed part of an activity row, written by whoever decided (the signer, the automation engine, the app) and
 * read by the screens field by field: the row's {@code detail} sentence is for people and never parsed back.
 * Absent fields are null in the record and NULL in the table; the accessors below say "maybe".
 *
 * @param userOpHash the operation's hash, 0x-hex (signer rows)
 * @param txHash     the bundle transaction that included it, 0x-hex
 * @param call       whether the included operation's call succeeded (UNKNOWN when the row is not about an inclusion)
 * @param nonceSeq   the nonce sequence the operation uses
 * @param reason     why: a refusal, a failure, a skip, an automation's outcome
 * @param intent     a signer intent the row points at (an automation firing's), hex without 0x
 * @param trigger    an automation firing's trigger sequence
 * @param ruleKind   an automation rule's kind (added rows)
 * @param chainId    the chain of a session event
 * @param status     a session's status name (added / status rows)
 * @param session    the permission id (0x-hex) when a signer row is about a session, not one of its intents
 * @param amounts    amounts by token (address or GAS), e.g. what an approval reserved
 */
public record ActivityFields(String userOpHash, String txHash, CallOutcome call, Long nonceSeq, String reason, String intent,
                             Long trigger, String ruleKind, Long chainId, String status, String session,
                             Map<String, BigInteger> amounts) {

    public static final ActivityFields NONE = new ActivityFields(null, null, CallOutcome.UNKNOWN, null, null, null, null, null, null,
            null, null, Map.of());

    public ActivityFields {
        call = call == null ? CallOutcome.UNKNOWN : call;
        amounts = amounts == null ? Map.of() : Map.copyOf(amounts);
    }

    /** An inclusion the chain reported. */
    public static ActivityFields included(String userOpHash, long nonceSeq, String txHash, CallOutcome call) {
        return new ActivityFields(userOpHash, txHash, call, nonceSeq, null, null, null, null, null, null, null, Map.of());
    }

    public static ActivityFields because(String reason) {
        return NONE.withReason(reason);
    }

    /** A signer row about a session (reconciliation), not about one intent. */
    public static ActivityFields aboutSession(String permissionIdHex, String reason) {
        String pid = permissionIdHex.startsWith("0x") ? permissionIdHex : "0x" + permissionIdHex;
        return new ActivityFields(null, null, CallOutcome.UNKNOWN, null, reason, null, null, null, null, null,
                pid.toLowerCase(java.util.Locale.ROOT), Map.of());
    }

    /** An automation firing: the signer intent it handed over and its trigger. */
    public static ActivityFields fired(String intentHex, long trigger) {
        return new ActivityFields(null, null, CallOutcome.UNKNOWN, null, null, bare(intentHex), trigger, null, null, null, null, Map.of());
    }

    public ActivityFields withReason(String why) {
        return new ActivityFields(userOpHash, txHash, call, nonceSeq, why, intent, trigger, ruleKind, chainId, status, session, amounts);
    }

    public ActivityFields withIntent(String intentHex) {
        return new ActivityFields(userOpHash, txHash, call, nonceSeq, reason, bare(intentHex), trigger, ruleKind, chainId, status, session,
                amounts);
    }

    public ActivityFields withRuleKind(String kind) {
        return new ActivityFields(userOpHash, txHash, call, nonceSeq, reason, intent, trigger, kind, chainId, status, session, amounts);
    }

    public ActivityFields withChainId(long chain) {
        return new ActivityFields(userOpHash, txHash, call, nonceSeq, reason, intent, trigger, ruleKind, chain, status, session, amounts);
    }

    public ActivityFields withStatus(String name) {
        return new ActivityFields(userOpHash, txHash, call, nonceSeq, reason, intent, trigger, ruleKind, chainId, name, session, amounts);
    }

    public ActivityFields withAmounts(Map<String, BigInteger> byToken) {
        return new ActivityFields(userOpHash, txHash, call, nonceSeq, reason, intent, trigger, ruleKind, chainId, status, session,
                byToken);
    }

    public Optional<String> tx() {
        return Optional.ofNullable(txHash);
    }

    public Optional<String> userOp() {
        return Optional.ofNullable(userOpHash);
    }

    public OptionalLong seq() {
        return nonceSeq == null ? OptionalLong.empty() : OptionalLong.of(nonceSeq);
    }

    public Optional<String> why() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> firedIntent() {
        return Optional.ofNullable(intent);
    }

    public OptionalLong triggerSeq() {
        return trigger == null ? OptionalLong.empty() : OptionalLong.of(trigger);
    }

    public Optional<String> aboutSession() {
        return Optional.ofNullable(session);
    }

    private static String bare(String hex) {
        String h = hex.toLowerCase(java.util.Locale.ROOT);
        return h.startsWith("0x") ? h.substring(2) : h;
    }
}
