package dev.latchkey.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.ActivityFields;
import dev.latchkey.keystore.ActivityKind;
import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.Automations;
import dev.latchkey.keystore.CallOutcome;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.signer.Outcome;
import dev.latchkey.signer.SignerLines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows from what the real signer, the keystore and the automation tables wrote (never a line this test writes): an
 * operation's inclusion, a reverted call, a refusal, "not confirmed yet", session events; an operation whose "included"
 * line was lost to a crash after its FINAL commit shows the journal's call outcome.
 */
class ActivityRowsTest {

    static final String INTENT = "00112233445566778899aabbccddeeff";

    @TempDir Path dir;

    @Test
    void anInclusionShowsTheSignersTransactionAndUserOpHash_aRevertedCallIsAFailure() throws Exception {
        try (SignerLines signer = SignerLines.open(dir)) {
            Outcome.Included ok = signer.included(fill(16, 1), false);
            Outcome.Included reverted = signer.included(fill(16, 2), true);
            List<ActivityRow> rows = new ActivityRows(ZoneOffset.UTC).rows(snapshot(signer.keystore(), List.of(ok.intentId(),
                    reverted.intentId())));
            ActivityRow first = operation(rows, ok.intentId());
            assertThat(first.status()).isEqualTo(ActivityRow.Status.INCLUDED);
            assertThat(first.transactionHash()).contains(ok.transactionHash());
            assertThat(first.userOpHash()).contains(ok.userOpHash().hex());
            assertThat(first.nonceSeq()).hasValue(ok.nonceSeq());
            ActivityRow second = operation(rows, reverted.intentId());
            assertThat(second.status()).isEqualTo(ActivityRow.Status.FAILED);
            assertThat(second.reason()).contains("call reverted");
            assertThat(second.transactionHash()).contains(reverted.transactionHash());
        }
    }

    @Test
    void aFinalRowWithoutItsIncludedLineShowsTheJournalsCallOutcome() throws Exception {
        try (SignerLines signer = SignerLines.open(dir)) {
            String reverted = signer.included(fill(16, 1), true).intentId();
            String succeeded = signer.included(fill(16, 2), false).intentId();
            assertThat(lostIncludedLine(signer.keystore(), reverted, null).status()).isEqualTo(ActivityRow.Status.FAILED);
            assertThat(lostIncludedLine(signer.keystore(), reverted, null).reason()).contains("call reverted");
            assertThat(lostIncludedLine(signer.keystore(), succeeded, null).status()).isEqualTo(ActivityRow.Status.INCLUDED);
            assertThat(lostIncludedLine(signer.keystore(), reverted, CallOutcome.UNKNOWN).status())
                    .as("rows from before the outcome was recorded").isEqualTo(ActivityRow.Status.INCLUDED);
        }
    }

    @Test
    void aRefusalShowsTheSignersReason() throws Exception {
        try (SignerLines signer = SignerLines.open(dir)) {
            Outcome.Refused refused = signer.refused(fill(16, 3));
            ActivityRow op = operation(new ActivityRows(ZoneOffset.UTC).rows(snapshot(signer.keystore(), List.of())), refused.intentId());
            assertThat(op.status()).isEqualTo(ActivityRow.Status.REFUSED);
            assertThat(op.reason()).isEqualTo(refused.reason() + ": " + refused.message());
        }
    }

    @Test
    void notConfirmedYetIsPendingNotFailed_andARestoreOrAMismatchIsAVisibleEvent() throws Exception {
        try (SignerLines signer = SignerLines.open(dir)) {
            signer.restored();
            signer.mismatch();
            Outcome.Unconfirmed held = signer.unconfirmed(fill(16, 4)); // last: a restarted signer would follow it to its end
            List<ActivityRow> rows = new ActivityRows(ZoneOffset.UTC).rows(snapshot(signer.keystore(), List.of(held.intentId())));
            assertThat(rows.stream().filter(ActivityRow::isOperation)).singleElement().satisfies(op -> {
                assertThat(op.key()).isEqualTo(held.intentId());
                assertThat(op.status()).isEqualTo(ActivityRow.Status.PENDING);
                assertThat(op.reason()).isEqualTo("not confirmed yet — waiting for the chain");
            });
            assertThat(rows).extracting(ActivityRow::what).contains("Wallet restored from a backup: reconciled from the chain")
                    .anyMatch(w -> w.contains("disagreed with the chain"));
        }
    }

    @Test
    void automationRowsAreNamedByTheRuleAndItsFiredTradeIsCountedOnce() throws Exception {
        byte[] rule = fill(16, 1);
        byte[] fired = fill(16, 10);
        byte[] retried = fill(16, 11);
        try (SignerLines signer = SignerLines.open(dir)) {
            Keystore ks = signer.keystore();
            byte[] pid = signer.permissionId();
            String session = "0x" + HexFormat.of().formatHex(pid);
            Automations a = ks.automations();
            a.add(rule, pid, "LIMIT_ORDER", "Buy the dip", "{}".getBytes(StandardCharsets.UTF_8));
            a.record(List.of(new AutomationEvaluation.New(rule, 4, 900, AutomationEvaluation.Result.SKIPPED, "price above the limit")));
            a.fire(new Automations.Fire(rule, 0, 0, fired, 5, 1000, new byte[] {1}, "price at the limit"));
            Outcome.Refused refused = signer.refused(fired); // the real signer's line for the fired intent
            a.resolve(new Automations.Resolution(fired, AutomationFiring.State.FAILED, "refused", "budget", new Automations.RuleChange.Retry(), 6, 1001));
            a.fire(new Automations.Fire(rule, 0, 1, retried, 7, 1002, new byte[] {1}, "price at the limit"));
            a.resolve(new Automations.Resolution(retried, AutomationFiring.State.SUCCEEDED, "included", "journal FINAL",
                    new Automations.RuleChange.Continue(), 8, 1003));
            a.setStatus(rule, EnumSet.of(AutomationRule.Status.ACTIVE), AutomationRule.Status.NEEDS_ATTENTION, "the session expired",
                    AutomationEvaluation.Result.ATTENTION, 9, 1004);
            a.setStatus(rule, EnumSet.of(AutomationRule.Status.NEEDS_ATTENTION), AutomationRule.Status.DONE, "filled",
                    AutomationEvaluation.Result.DONE, 10, 1005);

            ActivityPort.Snapshot s = new ActivityPort.Snapshot(ks.activity().recent(100), Map.of(), Map.of(),
                    Map.of(session, "uniswap-swap"), null, ActivityPort.AutomationRef.of(a.all()));
            List<ActivityRow> rows = new ActivityRows(ZoneOffset.UTC).rows(s);

            List<ActivityRow> automation = rows.stream().filter(r -> r.status() == ActivityRow.Status.EVENT && r.isAutomation()).toList();
            assertThat(automation).extracting(ActivityRow::what).containsExactlyInAnyOrder(
                    "Automation 'Buy the dip' created (limit order)",
                    "Automation 'Buy the dip' skipped",
                    "Automation 'Buy the dip' fired (trigger 0)",
                    "Automation 'Buy the dip' failed",
                    "Automation 'Buy the dip' fired (trigger 0)",
                    "Automation 'Buy the dip' succeeded",
                    "Automation 'Buy the dip' needs attention",
                    "Automation 'Buy the dip' done");
            assertThat(automation).allSatisfy(r -> {
                assertThat(r.automation()).isEqualTo("Buy the dip");
                assertThat(r.session()).as("the session filter finds the rule's rows").isEqualTo(session);
                assertThat(r.sessionLabel()).isEqualTo("uniswap-swap");
            });
            assertThat(reasonOf(automation, "skipped")).isEqualTo("price above the limit");
            assertThat(reasonOf(automation, "failed")).as("the outcome, without the intent id").isEqualTo("refused");
            assertThat(reasonOf(automation, "needs attention")).isEqualTo("the session expired");
            assertThat(reasonOf(automation, "done")).isEqualTo("filled");

            // the fired trade is the signer's one operation row, marked with the rule; no second operation for the firing
            assertThat(rows.stream().filter(ActivityRow::isOperation)).singleElement().satisfies(op -> {
                assertThat(op.key()).isEqualTo(HexFormat.of().formatHex(fired));
                assertThat(op.status()).isEqualTo(ActivityRow.Status.REFUSED);
                assertThat(op.reason()).isEqualTo(refused.reason() + ": " + refused.message());
                assertThat(op.automation()).isEqualTo("Buy the dip");
                assertThat(op.what()).endsWith("(automation 'Buy the dip')");
            });
        }
    }

    @Test
    void aRuleMissingFromTheSnapshotIsNamedByItsIdAndOtherEventsAreNotAutomations() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        String rule = "0x01010101010101010101010101010101";
        ActivityPort.Snapshot s = new ActivityPort.Snapshot(List.of(
                new ActivityLog.Entry(1, at, ActivityKind.AUTOMATION_PAUSED, rule, "paused by the owner", ActivityFields.because("paused by the owner")),
                new ActivityLog.Entry(2, at, ActivityKind.OTHER, rule, "", ActivityFields.NONE),
                new ActivityLog.Entry(3, at, ActivityKind.UNLOCKED, "wallet.db", "", ActivityFields.NONE)), Map.of(), Map.of(), Map.of(), null);
        List<ActivityRow> rows = new ActivityRows(ZoneOffset.UTC).rows(s);
        assertThat(rows).extracting(ActivityRow::what).containsExactly("Automation '0x01010101…' paused", "Wallet unlocked");
        assertThat(rows.get(0).reason()).isEqualTo("paused by the owner");
        assertThat(rows.get(0).isAutomation()).isTrue();
        assertThat(rows.get(1).isAutomation()).isFalse();
    }

    @Test
    void aSessionsBudgetReconciliationIsASessionEventNotAPendingOperation() throws Exception {
        try (SignerLines signer = SignerLines.open(dir)) {
            Keystore ks = signer.keystore();
            byte[] pid = signer.permissionId();
            String session = "0x" + HexFormat.of().formatHex(pid);
            ks.sessions().reconcile(pid, Map.of(), java.util.OptionalLong.empty(), "chain 8453: uses ledger 1 chain 2");
            signer.reconciliationFails(); // the signer's failure names the session without 0x
            ActivityPort.Snapshot s = new ActivityPort.Snapshot(ks.activity().recent(100), Map.of(), Map.of(), Map.of(session, "uniswap-swap"), null);
            List<ActivityRow> rows = new ActivityRows(ZoneOffset.UTC).rows(s);
            assertThat(rows).noneMatch(ActivityRow::isOperation);
            assertThat(rows).filteredOn(r -> r.what().contains("signer") || r.what().contains("reconciled"))
                    .extracting(ActivityRow::what, ActivityRow::reason, ActivityRow::session).containsOnly(
                            org.assertj.core.groups.Tuple.tuple("Session uniswap-swap (" + session.substring(0, 10) + "…) budget reconciled with the chain",
                                    "chain 8453: uses ledger 1 chain 2", session),
                            org.assertj.core.groups.Tuple.tuple("Session uniswap-swap (" + session.substring(0, 10) + "…): the signer failed",
                                    "reconciliation: IllegalStateException: node down", session));
        }
    }

    /** The signer's rows, and the journal rows of {@code intents}, as the app's port loads them. */
    private static ActivityPort.Snapshot snapshot(Keystore ks, List<String> intents) throws Exception {
        Map<String, JournalEntry> journal = new java.util.HashMap<>();
        for (String id : intents) {
            journal.put(id, ks.journal().get(HexFormat.of().parseHex(id)));
        }
        return new ActivityPort.Snapshot(ks.activity().recent(200), journal, Map.of(), Map.of(), null);
    }

    /** The operation's row when the process died between the journal's FINAL commit and the "included" line. */
    private static ActivityRow lostIncludedLine(Keystore ks, String intent, CallOutcome recorded) throws Exception {
        JournalEntry j = ks.journal().get(HexFormat.of().parseHex(intent));
        JournalEntry row = recorded == null ? j : new JournalEntry(j.intentId(), j.permissionId(), j.chainId(), j.sender(), j.nonceKey(),
                j.nonceSeq(), j.callData(), j.reservation(), j.userOpHash(), j.state(), j.bundlerError(), j.includedBlock(),
                j.includedBlockHash(), j.updatedAt(), recorded);
        List<ActivityLog.Entry> written = ks.activity().recent(200).stream()
                .filter(e -> e.subject().equals(intent) && e.kind() != ActivityKind.SIGNER_INCLUDED).toList();
        return new ActivityRows(ZoneOffset.UTC).rows(new ActivityPort.Snapshot(written, Map.of(intent, row), Map.of(), Map.of(), null))
                .get(0);
    }

    private static ActivityRow operation(List<ActivityRow> rows, String intent) {
        return rows.stream().filter(r -> r.key().equals(intent)).findFirst().orElseThrow();
    }

    private static String reasonOf(List<ActivityRow> rows, String suffix) {
        return rows.stream().filter(r -> r.what().endsWith(" " + suffix)).map(ActivityRow::reason).findFirst().orElseThrow();
    }

    static byte[] fill(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
