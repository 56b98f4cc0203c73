package dev.latchkey.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.Automations;
import dev.latchkey.keystore.CallOutcome;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionSigner;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.ui.TestWalletSessions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
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
 * Rows from the journal alone (an operation whose "included" log line was lost to a crash after its FINAL commit), and
 * the automation engine's log lines from a real keystore, named by the rule's label.
 */
class ActivityRowsTest {

    static final String INTENT = "00112233445566778899aabbccddeeff";
    static final String ACCOUNT = "0x1111111111111111111111111111111111111111";

    @TempDir Path dir;

    @Test
    void aFinalRowWithoutItsIncludedLineShowsTheJournalsCallOutcome() {
        assertThat(row(CallOutcome.REVERTED).status()).isEqualTo(ActivityRow.Status.FAILED);
        assertThat(row(CallOutcome.REVERTED).reason()).contains("call reverted");
        assertThat(row(CallOutcome.SUCCEEDED).status()).isEqualTo(ActivityRow.Status.INCLUDED);
        assertThat(row(CallOutcome.UNKNOWN).status()).as("rows from before the outcome was recorded").isEqualTo(ActivityRow.Status.INCLUDED);
    }

    @Test
    void notConfirmedYetIsPendingNotFailed_andARestoreOrAMismatchIsAVisibleEvent() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        String pid = "ab".repeat(32);
        JournalEntry held = new JournalEntry(new byte[16], new byte[32], 31337, ACCOUNT, new byte[24], 0, new byte[] {1}, "{}", new byte[32],
                JournalState.UNKNOWN, "AA23", null, null, at, CallOutcome.UNKNOWN);
        ActivityPort.Snapshot s = new ActivityPort.Snapshot(List.of(
                new ActivityLog.Entry(1, at, "signer.approved", INTENT, "approved"),
                new ActivityLog.Entry(2, at.plusSeconds(1), "signer.unconfirmed", INTENT, "not confirmed yet — waiting for the chain: …"),
                new ActivityLog.Entry(3, at.plusSeconds(2), "signer.restored", "", "this wallet was restored from a backup …"),
                new ActivityLog.Entry(4, at.plusSeconds(3), "signer.mismatch", pid, "the chain showed 2 operation(s) …")),
                Map.of(INTENT, held), Map.of(), Map.of(), null);
        List<ActivityRow> rows = new ActivityRows(ZoneOffset.UTC).rows(s);
        assertThat(rows).hasSize(3);
        ActivityRow op = rows.stream().filter(r -> r.key().equals(INTENT)).findFirst().orElseThrow();
        assertThat(op.status()).isEqualTo(ActivityRow.Status.PENDING);
        assertThat(op.reason()).isEqualTo("not confirmed yet — waiting for the chain");
        assertThat(rows).extracting(ActivityRow::what).contains("Wallet restored from a backup: reconciled from the chain")
                .anyMatch(w -> w.contains("disagreed with the chain"));
    }

    private static ActivityRow row(CallOutcome call) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        JournalEntry j = new JournalEntry(new byte[16], new byte[32], 31337, "0x1111111111111111111111111111111111111111", new byte[24], 0,
                new byte[] {1}, "{}", new byte[32], JournalState.FINAL, null, 9L, new byte[32], at, call);
        ActivityPort.Snapshot s = new ActivityPort.Snapshot(List.of(new ActivityLog.Entry(1, at, "signer.approved", INTENT, "approved")),
                Map.of(INTENT, j), Map.of(), Map.of(), null);
        return new ActivityRows(ZoneOffset.UTC).rows(s).get(0);
    }

    @Test
    void automationRowsAreNamedByTheRuleAndItsFiredTradeIsCountedOnce() throws Exception {
        byte[] pid = fill(32, 7);
        byte[] rule = fill(16, 1);
        byte[] fired = fill(16, 10);
        byte[] retried = fill(16, 11);
        String session = "0x" + HexFormat.of().formatHex(pid);
        try (Keystore ks = wallet(dir, pid)) {
            Automations a = ks.automations();
            a.add(rule, pid, "LIMIT_ORDER", "Buy the dip", "{}".getBytes(StandardCharsets.UTF_8));
            a.record(List.of(new AutomationEvaluation.New(rule, 4, 900, AutomationEvaluation.Result.SKIPPED, "price above the limit")));
            a.fire(new Automations.Fire(rule, 0, 0, fired, 5, 1000, new byte[] {1}, "price at the limit"));
            // the signer's own line for the fired intent (subject: the intent id, hex without 0x)
            ks.activity().append("signer.refused", HexFormat.of().formatHex(fired), "budget: over the daily limit");
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
                assertThat(op.reason()).isEqualTo("budget: over the daily limit");
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
                new ActivityLog.Entry(1, at, "automation.paused", rule, "paused by the owner"),
                new ActivityLog.Entry(2, at, "automation.unheard_of", rule, ""),
                new ActivityLog.Entry(3, at, "UNLOCK", "wallet.db", "")), Map.of(), Map.of(), Map.of(), null);
        List<ActivityRow> rows = new ActivityRows(ZoneOffset.UTC).rows(s);
        assertThat(rows).extracting(ActivityRow::what).containsExactly("Automation '0x01010101…' paused", "Wallet unlocked");
        assertThat(rows.get(0).reason()).isEqualTo("paused by the owner");
        assertThat(rows.get(0).isAutomation()).isTrue();
        assertThat(rows.get(1).isAutomation()).isFalse();
    }

    @Test
    void aSessionsBudgetReconciliationIsASessionEventNotAPendingOperation() throws Exception {
        byte[] pid = fill(32, 7);
        String session = "0x" + HexFormat.of().formatHex(pid);
        try (Keystore ks = wallet(dir, pid)) {
            ks.sessions().reconcile(pid, Map.of(), java.util.OptionalLong.empty(), "chain 8453: uses ledger 1 chain 2");
            // the signer's reconciliation failure names the session without 0x
            ks.activity().append("signer.failed", HexFormat.of().formatHex(pid), "reconciliation: IOException: node down");
            ActivityPort.Snapshot s = new ActivityPort.Snapshot(ks.activity().recent(100), Map.of(), Map.of(), Map.of(session, "uniswap-swap"), null);
            List<ActivityRow> rows = new ActivityRows(ZoneOffset.UTC).rows(s);
            assertThat(rows).noneMatch(ActivityRow::isOperation);
            assertThat(rows).filteredOn(r -> r.what().contains("signer") || r.what().contains("reconciled"))
                    .extracting(ActivityRow::what, ActivityRow::reason, ActivityRow::session).containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("Session uniswap-swap (" + session.substring(0, 10) + "…) budget reconciled with the chain",
                                    "chain 8453: uses ledger 1 chain 2", session),
                            org.assertj.core.groups.Tuple.tuple("Session uniswap-swap (" + session.substring(0, 10) + "…): the signer failed",
                                    "reconciliation: IOException: node down", session));
        }
    }

    private static String reasonOf(List<ActivityRow> rows, String suffix) {
        return rows.stream().filter(r -> r.what().endsWith(" " + suffix)).map(ActivityRow::reason).findFirst().orElseThrow();
    }

    /** A real keystore with an account and one ENABLED session {@code pid}. */
    static Keystore wallet(Path dir, byte[] pid) throws Exception {
        Keystore ks = Keystore.create(dir.resolve("wallet.db"), TestWalletSessions.PASSWORD.toCharArray(), TestWalletSessions.CHEAP,
                TestWalletSessions.POLICY, Clock.systemUTC());
        String owner = ks.keys().createOwnerKey("owner").publicRef();
        ks.sessions().addAccount(new Sessions.Account(ACCOUNT, owner, "main"));
        SessionSigner signer = ks.keys().createSessionKey("s");
        ks.sessions().add(new SessionRecord(pid, ACCOUNT, signer.address(), fill(32, 1), new byte[] {1}, fill(32, 9), 100, 200,
                SessionStatus.ENABLED, fill(24, 3), List.of(new SessionRecord.Chain(8453, "0x00000000008bDABA73cD9815d79069c247Eb4bDA", 4))));
        return ks;
    }

    static byte[] fill(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
