package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The automation tables: sealed parameters, one firing per trigger (compare-and-set), resolutions that move the rule. */
class AutomationsTest {

    @TempDir Path dir;

    private static final byte[] PID = TablesTest.bytes(32, 7);
    private static final byte[] RULE = TablesTest.bytes(16, 1);
    private static final byte[] OTHER = TablesTest.bytes(16, 2);
    private static final byte[] SPEC = "{\"kind\":\"LIMIT_ORDER\",\"price\":\"2468.13\"}".getBytes(StandardCharsets.UTF_8);

    private Keystore wallet() throws Exception {
        Keystore ks = TestWallets.create(dir);
        String owner = ks.keys().createOwnerKey("owner").publicRef();
        ks.sessions().addAccount(new Sessions.Account(TablesTest.ACCOUNT, owner, "main"));
        SessionSigner signer = ks.keys().createSessionKey("s");
        ks.sessions().add(new SessionRecord(PID, TablesTest.ACCOUNT, signer.address(), TablesTest.bytes(32, 1), new byte[] {1},
                TablesTest.bytes(32, 9), 100, 200, SessionStatus.ENABLED, TablesTest.bytes(24, 3),
                List.of(new SessionRecord.Chain(8453, TablesTest.SMART_SESSION, 4))));
        return ks;
    }

    @Test
    void parametersAreSealedAndBoundToTheirRow() throws Exception {
        try (Keystore ks = wallet()) {
            ks.automations().add(RULE, PID, "LIMIT_ORDER", "buy", SPEC);
            ks.automations().add(OTHER, PID, "LIMIT_ORDER", "other", "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(ks.automations().spec(RULE)).isEqualTo(SPEC);
            ks.lock();
            assertThatThrownBy(() -> ks.automations().spec(RULE)).isInstanceOf(KeystoreException.LockedException.class);
            assertThat(ks.automations().get(RULE).label()).isEqualTo("buy"); // readable part needs no password
        }
        try (Connection c = TestWallets.raw(dir); PreparedStatement ps = c.prepareStatement(
                "UPDATE automation_rule SET nonce = (SELECT nonce FROM automation_rule WHERE rule_id = ?),"
                        + " ciphertext = (SELECT ciphertext FROM automation_rule WHERE rule_id = ?) WHERE rule_id = ?")) {
            ps.setBytes(1, RULE);
            ps.setBytes(2, RULE);
            ps.setBytes(3, OTHER);
            ps.executeUpdate();
        }
        try (Keystore ks = TestWallets.open(dir)) {
            ks.unlock(TestWallets.pw());
            assertThat(ks.automations().spec(RULE)).isEqualTo(SPEC);
            assertThatThrownBy(() -> ks.automations().spec(OTHER)).isInstanceOf(KeystoreException.TamperedRecordException.class);
        }
    }

    @Test
    void aTriggerFiresOnceAndAClosedFiringMovesTheRule() throws Exception {
        try (Keystore ks = wallet()) {
            Automations a = ks.automations();
            a.add(RULE, PID, "RECURRING", "rent", SPEC);
            byte[] id0 = TablesTest.bytes(16, 10);
            a.fire(new Automations.Fire(RULE, 0, 0, id0, 5, 1000, new byte[] {1}, "due"));
            assertThat(a.get(RULE).nextSeq()).isEqualTo(1);
            assertThatThrownBy(() -> a.fire(new Automations.Fire(RULE, 0, 0, TablesTest.bytes(16, 11), 6, 1001, new byte[] {1}, "again")))
                    .isInstanceOf(KeystoreException.JournalConflictException.class);
            assertThatThrownBy(() -> a.fire(new Automations.Fire(RULE, 1, 0, TablesTest.bytes(16, 12), 6, 1001, new byte[] {1}, "in flight")))
                    .as("no second trigger while one is in flight").isInstanceOf(KeystoreException.JournalConflictException.class);
            assertThatThrownBy(() -> a.edit(RULE, 1, SPEC, null)).isInstanceOf(KeystoreException.JournalConflictException.class);
            assertThat(a.pending()).singleElement().satisfies(f -> assertThat(f.intentId()).isEqualTo(id0));

            assertThat(a.resolve(new Automations.Resolution(id0, AutomationFiring.State.FAILED, "refused", "x", new Automations.RuleChange.Retry(), 6, 1001))).isTrue();
            assertThat(a.resolve(new Automations.Resolution(id0, AutomationFiring.State.FAILED, "refused", "x", new Automations.RuleChange.Retry(), 6, 1001)))
                    .as("closed once").isFalse();
            assertThat(a.get(RULE).nextSeq()).isZero();
            assertThat(a.get(RULE).nextAttempt()).isEqualTo(1);
            byte[] id1 = TablesTest.bytes(16, 13);
            a.fire(new Automations.Fire(RULE, 0, 1, id1, 7, 1002, new byte[] {1}, "retry"));
            a.resolve(new Automations.Resolution(id1, AutomationFiring.State.SUCCEEDED, "included", "", new Automations.RuleChange.Done("paid"), 8, 1003));
            assertThat(a.get(RULE).status()).isEqualTo(AutomationRule.Status.DONE);
            assertThat(ks.activity().recent(20)).extracting(e -> e.kind().code() + " " + e.detail()).as("the move a closed firing causes is logged")
                    .contains("automation.done paid");
            assertThat(a.firings(RULE)).extracting(AutomationFiring::state).containsExactly(AutomationFiring.State.FAILED, AutomationFiring.State.SUCCEEDED);
            assertThat(a.evaluations(RULE, 20)).extracting(AutomationEvaluation::result).containsExactly(AutomationEvaluation.Result.CREATED,
                    AutomationEvaluation.Result.FIRED, AutomationEvaluation.Result.FAILED, AutomationEvaluation.Result.FIRED,
                    AutomationEvaluation.Result.SUCCEEDED, AutomationEvaluation.Result.DONE);
            assertThat(a.setStatus(RULE, EnumSet.of(AutomationRule.Status.ACTIVE), AutomationRule.Status.PAUSED, "p",
                    AutomationEvaluation.Result.PAUSED, 0, 0)).as("a DONE rule is not paused").isFalse();
        }
    }

    @Test
    void aSkippedEvaluationIsADecisionInTheActivityLogAWaitingOneIsNot() throws Exception {
        try (Keystore ks = wallet()) {
            Automations a = ks.automations();
            a.add(RULE, PID, "LIMIT_ORDER", "buy the dip", SPEC);
            a.record(java.util.List.of(
                    new AutomationEvaluation.New(RULE, 9, 1000, AutomationEvaluation.Result.WAITING, "price: 2,850 is above the 2,800 level"),
                    new AutomationEvaluation.New(RULE, 10, 1012, AutomationEvaluation.Result.SKIPPED, "balance: holds 10 USDC, needs 1,000")));
            assertThat(ks.activity().recent(10)).filteredOn(e -> e.kind().code().startsWith("automation."))
                    .extracting(e -> e.kind().code() + " " + e.detail())
                    .containsExactlyInAnyOrder("automation.added LIMIT_ORDER buy the dip", "automation.skipped balance: the balance is too low for it; unlock and open the rule for the details");
            assertThat(a.evaluations(RULE, 10)).extracting(AutomationEvaluation::reason).as("the full reason stays with the rule, sealed")
                    .contains("balance: holds 10 USDC, needs 1,000");
        }
    }
}
