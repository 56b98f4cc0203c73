package dev.latchkey.ui.automation;

import static dev.latchkey.automation.Fixture.BOB;
import static dev.latchkey.automation.Fixture.START;
import static dev.latchkey.automation.Fixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.Fixture;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.automation.RuleSpecCodec;
import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.Automations;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.ui.TestWalletSessions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Automations screen's view model on a real keystore and the real rule service, without the toolkit. */
class AutomationsViewModelTest {

    @TempDir Path dir;
    private Fixture f;
    private SessionRecord swap;
    private AutomationsViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(dir);
        swap = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(500), usdc(2000)));
        vm = new AutomationsViewModel(port(), TestWalletSessions.synchronous(), ZoneId.of("UTC"));
        vm.activate();
    }

    @AfterEach
    void tearDown() {
        f.keystore.close();
    }

    private AutomationPort port() {
        return new AutomationPort() {
            @Override public AutomationService service() { return f.service(); }
            @Override public long chainTime() { return f.chain.head.timestamp(); }
            @Override public TradeNetwork network() { return Fixture.NET; }
            @Override public List<SessionChoice> sessions() throws Exception {
                List<SessionChoice> out = new ArrayList<>();
                for (SessionRecord r : f.keystore.sessions().all()) out.add(new SessionChoice(r.permissionId(), "swap"));
                return out;
            }
            @Override public java.util.Map<String, AutomationEvaluation> latestEvaluations() throws Exception {
                return f.keystore.automations().latestEvaluations();
            }
        };
    }

    private void fill(RuleForm.Kind kind, Map<RuleForm.Field, String> values) {
        vm.kindProperty().set(kind);
        values.forEach((k, v) -> vm.field(k).set(v));
    }

    private void limitBuy(String amount) {
        fill(RuleForm.Kind.LIMIT_ORDER, Map.of(RuleForm.Field.SIDE, "buy", RuleForm.Field.BASE, "WETH", RuleForm.Field.QUOTE, "usdc",
                RuleForm.Field.AMOUNT, amount, RuleForm.Field.PRICE, "2800", RuleForm.Field.FEE, "500", RuleForm.Field.SLIPPAGE, "0.5"));
    }

    @Test
    void aLimitOrderFromTheFormIsStoredAndListedAsActiveWithItsTrigger() throws Exception {
        assertThat(vm.sessions()).singleElement().satisfies(s -> assertThat(s.permissionId()).isEqualTo(swap.permissionId()));
        assertThat(vm.sessionProperty().get()).as("the only session is preselected").isNotNull();
        limitBuy("400");
        vm.labelProperty().set("dip buy");

        vm.onCreate();

        assertThat(vm.formErrorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("Created \"dip buy\"");
        List<AutomationRule> stored = f.keystore.automations().all();
        assertThat(stored).singleElement().satisfies(r -> {
            assertThat(r.permissionId()).isEqualTo(swap.permissionId());
            assertThat(r.label()).isEqualTo("dip buy");
            assertThat(RuleSpecCodec.decode(f.keystore.automations().spec(r.ruleId()))).isEqualTo(new RuleSpec.LimitOrder("WETH", "USDC", 500,
                    RuleSpec.Side.BUY, usdc(400), new BigDecimal("2800"), 50));
        });
        assertThat(vm.rules()).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo("active");
            assertThat(item.title()).isEqualTo("Limit buy 400 USDC for WETH at 2800 USDC/WETH");
            assertThat(item.session()).startsWith("swap · 0x");
            assertThat(item.lastRun()).isEqualTo("never");
            assertThat(item.nextRun()).isEqualTo("when WETH ≤ 2800 USDC");
            assertThat(item.canPause()).isTrue();
            assertThat(item.canResume()).isFalse();
        });
        assertThat(vm.field(RuleForm.Field.AMOUNT).get()).as("the form is cleared").isEmpty();
    }

    @Test
    void aRuleTheSessionCannotCoverIsRefusedWithTheReasonAndNothingIsStored() throws Exception {
        limitBuy("1000"); // the session allows 500 USDC per trade

        vm.onCreate();

        assertThat(vm.formErrorProperty().get()).startsWith("Refused: the session does not allow this rule:").contains("lessThanOrEqual");
        assertThat(f.keystore.automations().all()).isEmpty();
        assertThat(vm.rules()).isEmpty();

        fill(RuleForm.Kind.AUTO_REPAY, Map.of(RuleForm.Field.ASSET, "USDC", RuleForm.Field.BELOW, "1.2", RuleForm.Field.TARGET, "1.5",
                RuleForm.Field.MAX_REPAY, "10"));
        vm.onCreate();
        assertThat(vm.formErrorProperty().get()).startsWith("Refused:");
        assertThat(f.keystore.automations().all()).isEmpty();
    }

    @Test
    void aFieldThatDoesNotParseNamesItself() throws Exception {
        limitBuy("a lot");
        vm.onCreate();
        assertThat(vm.formErrorProperty().get()).contains("Amount (whole tokens)").contains("not a decimal number: a lot");
        fill(RuleForm.Kind.LIMIT_ORDER, Map.of(RuleForm.Field.AMOUNT, "0.0000001"));
        vm.onCreate();
        assertThat(vm.formErrorProperty().get()).contains("USDC has 6 decimals");
        assertThat(f.keystore.automations().all()).isEmpty();
    }

    @Test
    void pauseResumeAndRemoveMoveTheRuleAndTheList() throws Exception {
        limitBuy("100");
        vm.onCreate();
        RuleItem item = vm.rules().getFirst();

        vm.onPause(item);
        RuleItem paused = vm.rules().getFirst();
        assertThat(paused.status()).isEqualTo("paused");
        assertThat(paused.reason()).isEqualTo("paused by the owner");
        assertThat(paused.nextRun()).isEqualTo("—");
        assertThat(paused.canResume()).isTrue();
        assertThat(f.keystore.automations().get(item.ruleId()).status()).isEqualTo(AutomationRule.Status.PAUSED);

        vm.onResume(paused);
        assertThat(vm.rules().getFirst().status()).isEqualTo("active");
        assertThat(vm.messageProperty().get()).startsWith("Resumed");

        vm.onRemove(vm.rules().getFirst());
        assertThat(vm.rules()).isEmpty();
        assertThat(f.keystore.automations().get(item.ruleId()).status()).isEqualTo(AutomationRule.Status.REMOVED);
    }

    @Test
    void aRecurringPaymentShowsWhenTheNextOneIsDueAndAFiringBecomesTheLastRun() throws Exception {
        SessionRecord pay = f.recurringSession(usdc(100), 86_400, START + 30 * 86_400L);
        vm.refresh();
        vm.sessionProperty().set(vm.sessions().stream().filter(s -> java.util.Arrays.equals(s.permissionId(), pay.permissionId()))
                .findFirst().orElseThrow());
        fill(RuleForm.Kind.RECURRING, Map.of(RuleForm.Field.MODE, "send", RuleForm.Field.TOKEN, "USDC", RuleForm.Field.AMOUNT, "100",
                RuleForm.Field.RECIPIENT, BOB.checksummed(), RuleForm.Field.EVERY_HOURS, "24", RuleForm.Field.COUNT, "4"));

        vm.onCreate();

        assertThat(vm.formErrorProperty().get()).isEmpty();
        RuleItem item = vm.rules().getFirst();
        assertThat(item.title()).isEqualTo("Pay 100 USDC to " + BOB.checksummed().substring(0, 10) + "… every day (4 payments)");
        assertThat(item.nextRun()).isEqualTo("payment 1 due 15 Jan 2027 08:01 (chain time)"); // START + 100 s
        assertThat(item.lastRun()).isEqualTo("never");

        f.keystore.automations().fire(new Automations.Fire(item.ruleId(), 0, 0, new byte[16], 101, START + 100, new byte[4], "payment 1 due"));
        vm.refresh();
        RuleItem after = vm.rules().getFirst();
        assertThat(after.lastRun()).endsWith("— sent, waiting for inclusion");
        assertThat(after.nextRun()).isEqualTo("payment 2 due 16 Jan 2027 08:01 (chain time)");
    }
    @Test
    void editPrefillsTheFormAndSavingKeepsTheRuleUnderItsIdWithTheNewParameters() throws Exception {
        limitBuy("400");
        vm.labelProperty().set("dip buy");
        vm.onCreate();
        RuleItem item = vm.rules().getFirst();
        assertThat(item.canEdit()).isTrue();

        vm.onEdit(item);

        assertThat(vm.editingProperty().get()).isTrue();
        assertThat(vm.formTitleProperty().get()).isEqualTo("Edit Limit buy 400 USDC for WETH at 2800 USDC/WETH");
        assertThat(vm.submitTextProperty().get()).isEqualTo("Save changes");
        assertThat(vm.kindProperty().get()).isEqualTo(RuleForm.Kind.LIMIT_ORDER);
        assertThat(vm.labelProperty().get()).isEqualTo("dip buy");
        assertThat(RuleForm.Kind.LIMIT_ORDER.fields()).extracting(fld -> vm.field(fld).get())
                .containsExactly("buy", "WETH", "USDC", "400", "2800", "500", "0.5");

        vm.field(RuleForm.Field.AMOUNT).set("450");
        vm.field(RuleForm.Field.PRICE).set("2700");
        vm.field(RuleForm.Field.SLIPPAGE).set("1");
        vm.onSubmit();

        assertThat(vm.formErrorProperty().get()).isEmpty();
        assertThat(vm.editingProperty().get()).isFalse();
        assertThat(vm.submitTextProperty().get()).isEqualTo("Create automation");
        assertThat(vm.field(RuleForm.Field.AMOUNT).get()).as("the form is cleared").isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved Limit buy 450 USDC for WETH at 2700 USDC/WETH.");
        AutomationRule stored = f.keystore.automations().all().getFirst();
        assertThat(f.keystore.automations().all()).hasSize(1);
        assertThat(stored.ruleId()).isEqualTo(item.ruleId());
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.label()).isEqualTo("dip buy");
        assertThat(RuleSpecCodec.decode(f.keystore.automations().spec(stored.ruleId()))).isEqualTo(new RuleSpec.LimitOrder("WETH", "USDC",
                500, RuleSpec.Side.BUY, usdc(450), new BigDecimal("2700"), 100));
        assertThat(vm.rules()).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("Limit buy 450 USDC for WETH at 2700 USDC/WETH");
            assertThat(r.status()).isEqualTo("active");
        });
    }

    @Test
    void anEditTheSessionCannotCoverIsRefusedInTheFormAndNothingChanges() throws Exception {
        limitBuy("400");
        vm.onCreate();
        RuleItem item = vm.rules().getFirst();
        vm.onEdit(item);
        vm.field(RuleForm.Field.AMOUNT).set("1000"); // the session allows 500 USDC per trade

        vm.onSubmit();

        assertThat(vm.formErrorProperty().get()).startsWith("Not saved: the session does not allow this rule:").contains("lessThanOrEqual")
                .contains("The rule is unchanged");
        assertThat(vm.editingProperty().get()).as("still editing, to correct the amount").isTrue();
        assertThat(vm.field(RuleForm.Field.AMOUNT).get()).isEqualTo("1000");
        AutomationRule stored = f.keystore.automations().get(item.ruleId());
        assertThat(stored.version()).isEqualTo(1);
        assertThat(RuleSpecCodec.decode(f.keystore.automations().spec(item.ruleId()))).isEqualTo(new RuleSpec.LimitOrder("WETH", "USDC",
                500, RuleSpec.Side.BUY, usdc(400), new BigDecimal("2800"), 50));
        assertThat(vm.rules().getFirst().title()).isEqualTo(item.title());

        vm.onCancelEdit();
        assertThat(vm.editingProperty().get()).isFalse();
        assertThat(vm.formErrorProperty().get()).isEmpty();
        limitBuy("100");
        vm.onSubmit();
        assertThat(f.keystore.automations().all()).as("after cancel the button creates again").hasSize(2);
    }

    @Test
    void editingARecurringPaymentKeepsItsScheduleAndAPausedRuleStaysPaused() throws Exception {
        SessionRecord pay = f.recurringSession(usdc(100), 86_400, START + 30 * 86_400L);
        long start = f.chain.head.timestamp();
        AutomationRule rent = f.service().add(pay.permissionId(), "Rent", new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", BOB,
                null, 0, usdc(100), 86_400, start, 0, 4, 0), start);
        f.service().pause(rent.ruleId());
        f.chain.next(7_200);
        vm.refresh();
        RuleItem item = vm.rules().getFirst();
        assertThat(item.status()).isEqualTo("paused");

        vm.onEdit(item);
        assertThat(vm.kindProperty().get()).isEqualTo(RuleForm.Kind.RECURRING);
        assertThat(vm.field(RuleForm.Field.RECIPIENT).get()).isEqualTo(BOB.checksummed());
        assertThat(vm.field(RuleForm.Field.EVERY_HOURS).get()).isEqualTo("24");
        assertThat(vm.field(RuleForm.Field.COUNT).get()).isEqualTo("4");
        vm.field(RuleForm.Field.AMOUNT).set("60");
        vm.onSubmit();

        assertThat(vm.formErrorProperty().get()).isEmpty();
        assertThat(RuleSpecCodec.decode(f.keystore.automations().spec(rent.ruleId()))).as("the start stays, not the chain time of the edit")
                .isEqualTo(new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", BOB, null, 0, usdc(60), 86_400, start, 0, 4, 0));
        assertThat(f.keystore.automations().get(rent.ruleId()).status()).isEqualTo(AutomationRule.Status.PAUSED);
        assertThat(vm.messageProperty().get()).endsWith("It is still paused: resume it to run it.");
    }
}
