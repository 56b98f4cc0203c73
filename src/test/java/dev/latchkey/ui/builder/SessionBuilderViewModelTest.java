package dev.latchkey.ui.builder;

import static dev.latchkey.ui.builder.BuilderFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.ui.TestWalletSessions;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The builder's view model without a toolkit: validation as typed, templates, summary, exposure, review. */
class SessionBuilderViewModelTest {

    private final List<ApprovalRequest> reviewed = new ArrayList<>();
    private final AtomicInteger keysMade = new AtomicInteger();
    private SessionBuilderViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new SessionBuilderViewModel(CONTEXT, () -> {
            keysMade.incrementAndGet();
            return SESSION_KEY;
        }, () -> SALT, TestWalletSessions.synchronous(), reviewed::add);
        vm.activate();
    }

    @Test
    void theSwapTemplateUnchangedReviewsToTheSnapshotBytes() throws Exception {
        vm.templateProperty().set(Template.UNISWAP_SWAP);
        vm.onApplyTemplate();

        assertThat(vm.actions()).extracting(a -> a.titleProperty().get()).containsExactly("USDC · approve", "SwapRouter02 · exactInputSingle");
        assertThat(vm.actions().get(1).rules()).extracting(r -> r.argumentProperty().get() + " " + r.valueProperty().get())
                .containsExactly("tokenIn USDC", "tokenOut WETH", "fee 500", "recipient this account", "amountIn 500", "amountOutMinimum 0");
        assertThat(vm.actions().get(1).rules().get(4).unitProperty().get()).isEqualTo("USDC"); // token units, from the pinned tokenIn
        assertThat(vm.actions().get(1).rules().get(4).totalProperty().get()).isEqualTo("14000");
        assertThat(vm.limits().tokenCaps()).singleElement().satisfies(c -> {
            assertThat(c.tokenProperty().get()).isEqualTo("USDC");
            assertThat(c.perPeriodProperty().get()).isEqualTo("2000");
        });
        assertThat(vm.summaryProperty().get()).contains("USDC.approve: spender == SwapRouter02, amount ≤ 500 USDC, spending at most 2,000 USDC per day")
                .contains("recipient == this account");
        assertThat(vm.exposureProperty().get()).isEqualTo(
                "at most 2,000 USDC per day (500 per call, 14,000 in total) until 22 Jan 2027 08:00 UTC; ETH value 0; gas at most 0.14 ETH");
        assertThat(vm.unrestrictedProperty().get()).isFalse();
        assertThat(vm.canReviewProperty().get()).isTrue();
        assertThat(keysMade).hasValue(0); // no key before review

        vm.onReview();

        assertThat(keysMade).hasValue(1);
        assertThat(reviewed).singleElement().satisfies(r -> {
            assertThat(r.sessionKey()).isEqualTo(SESSION_KEY);
            assertThat(r.account()).isEqualTo(ACCOUNT);
            assertThat(SessionAbi.encode(r.session())).isEqualTo(SessionCompilerTest.snapshotAbi("uniswap-swap"));
        });
    }

    @Test
    void amountsAreTypedInTokenUnitsAndConvertedExactly() {
        ActionRowViewModel transfer = vm.onAddFunction(Catalog.TRANSFER);
        transfer.onAddRule(); // "to"
        transfer.rules().get(0).conditionProperty().set(ParamCondition.EQUAL);
        transfer.rules().get(0).valueProperty().set(BOB.hex());
        transfer.onAddRule(); // "amount"
        RuleRowViewModel amount = transfer.rules().get(1);
        assertThat(amount.argumentProperty().get()).isEqualTo("amount");

        amount.valueProperty().set("0.0000001");
        assertThat(amount.hintProperty().get()).isEqualTo("USDC has 6 decimals; 0.0000001 has more.");
        assertThat(vm.canReviewProperty().get()).isFalse();
        assertThat(vm.reviewHintProperty().get()).contains("needs attention");

        amount.valueProperty().set("100.5");
        assertThat(amount.hintProperty().get()).isEmpty();
        assertThat(amount.unitProperty().get()).isEqualTo("USDC");
        Policy.UniversalAction uni = (Policy.UniversalAction) SessionCompiler.compile(vm.spec().orElseThrow(), SESSION_KEY, SALT, 31337)
                .actions().get(0).policies().get(0);
        assertThat(uni.rules().get(1).referenceValue()).isEqualTo(BigInteger.valueOf(100_500_000));
        assertThat(uni.rules().get(1).calldataOffset()).isEqualTo(BigInteger.valueOf(32));
        assertThat(vm.exposureProperty().get()).startsWith("UNLIMITED USDC (100.5 per call, no total cap)");

        vm.limits().onAddTokenCap();
        vm.limits().tokenCaps().get(0).tokenProperty().set("usdc");
        vm.limits().tokenCaps().get(0).totalProperty().set("1,000");
        assertThat(vm.exposureProperty().get()).startsWith("at most 1,000 USDC in total (100.5 per call)");
    }

    @Test
    void conditionsFollowTheArgumentTypeAndAnOrderOnAnAddressIsRefused() {
        ActionRowViewModel swap = vm.onAddFunction(Catalog.EXACT_INPUT_SINGLE);
        swap.onAddRule();
        RuleRowViewModel r = swap.rules().get(0);
        r.argumentProperty().set("recipient");
        assertThat(r.conditionProperty().get()).as("the default").isEqualTo(ParamCondition.EQUAL);
        r.valueProperty().set("this account");
        assertThat(r.hintProperty().get()).isEmpty();
        assertThat(r.conditionChoices()).containsExactly(ParamCondition.EQUAL, ParamCondition.NOT_EQUAL);

        r.conditionProperty().set(ParamCondition.LESS_THAN_OR_EQUAL);
        assertThat(r.hintProperty().get()).isEqualTo(
                "Recipient is an address: only = or ≠ mean something (it would allow every address numerically below the value).");
        assertThat(vm.canReviewProperty().get()).isFalse();

        r.argumentProperty().set("fee");
        assertThat(r.conditionChoices()).containsExactly(ParamCondition.values());
        r.valueProperty().set("500");
        assertThat(r.hintProperty().get()).as("≤ on a uint24 fee is an amount comparison").isEmpty();

        r.argumentProperty().set("amountIn");
        r.valueProperty().set("500");
        assertThat(r.hintProperty().get()).isEmpty();
    }

    @Test
    void aTargetThatIsNotTheNetworksContractOrIsForbiddenIsRefusedNextToTheField() {
        ActionRowViewModel custom = vm.onAddCustom();
        custom.targetProperty().set(ACCOUNT.hex());
        custom.functionProperty().set("transfer(address to, uint256 amount)");
        assertThat(custom.targetHintProperty().get()).isEqualTo("The account itself is never a target.");
        assertThat(custom.functionHintProperty().get()).isEqualTo("selector 0xa9059cbb = transfer(address,uint256)");
        custom.targetProperty().set("0x1234");
        assertThat(custom.targetHintProperty().get()).isEqualTo("An address has 40 hex digits after 0x; this has 4.");
        custom.targetProperty().set(BOB.hex());
        custom.onAddRule();
        assertThat(custom.rules().get(0).argumentChoices()).containsExactly("to", "amount");
        custom.rules().get(0).conditionProperty().set(ParamCondition.EQUAL);
        custom.rules().get(0).valueProperty().set("this account");
        assertThat(vm.canReviewProperty().get()).isTrue();
        assertThat(vm.summaryProperty().get()).contains(BOB.checksummed() + ".transfer: to == this account");

        ActionRowViewModel swap = vm.onAddFunction(Catalog.EXACT_INPUT_SINGLE);
        swap.targetProperty().set(POOL.hex());
        assertThat(swap.targetHintProperty().get()).isEqualTo("Not the Uniswap SwapRouter02 of devnet.");
    }

    @Test
    void noActionsIsUnrestrictedAndNeedsTheExplicitConfirmation() {
        assertThat(vm.actions()).isEmpty();
        assertThat(vm.unrestrictedProperty().get()).isTrue();
        assertThat(vm.unrestrictedReasonsProperty().get()).startsWith("UNRESTRICTED: this session may call ANY contract with any arguments");
        assertThat(vm.canReviewProperty().get()).isFalse();
        assertThat(vm.reviewHintProperty().get()).isEqualTo("Tick the confirmation to build an unrestricted session.");
        vm.confirmUnrestrictedProperty().set(true);
        assertThat(vm.canReviewProperty().get()).isTrue();
    }

    @Test
    void limitsValidateAsTyped() {
        vm.limits().onOneDay();
        assertThat(vm.limits().timeHintProperty().get()).isEqualTo("Valid for 1 day until 16 Jan 2027 08:00 UTC.");
        vm.limits().endTimeProperty().set("7:61");
        assertThat(vm.limits().timeHintProperty().get()).isEqualTo("End time: write HH:mm, e.g. 08:30.");
        vm.limits().endTimeProperty().set("08:00");
        vm.limits().endDateProperty().set(vm.limits().startDateProperty().get());
        assertThat(vm.limits().timeHintProperty().get()).isEqualTo("The end must be after the start.");
        vm.limits().onOneWeek();
        vm.limits().maxOperationsProperty().set("0");
        assertThat(vm.limits().operationsHintProperty().get()).isEqualTo("Must be at least 1 (leave empty for no limit).");
        vm.limits().maxOperationsProperty().set("20");
        vm.limits().gasCapProperty().set("0.05");
        vm.limits().rateUsesProperty().set("5");
        vm.limits().ethTotalProperty().set("abc");
        assertThat(vm.limits().ethHintProperty().get()).isEqualTo("Not a decimal number: abc.");
        vm.limits().ethTotalProperty().set("0.5");
        vm.confirmUnrestrictedProperty().set(true);
        assertThat(vm.spec().orElseThrow().limits().gasCostTotal()).contains(new BigInteger("50000000000000000"));
        assertThat(vm.spec().orElseThrow().limits().rate()).contains(new SessionSpec.RateSpec(5, 3_600));
        assertThat(vm.exposureProperty().get()).endsWith("ETH value at most 0.5 ETH in total; gas at most 0.05 ETH");
    }

    @Test
    void multisigAndCustomValidatorOwners() {
        vm.ownersModeProperty().set(SessionBuilderViewModel.OwnersMode.MULTISIG);
        vm.otherOwnersProperty().set(BOB.hex());
        vm.thresholdProperty().set("3");
        assertThat(vm.ownersHintProperty().get()).isEqualTo("Threshold: from 1 to 2 (the number of owners).");
        vm.thresholdProperty().set("2");
        assertThat(vm.ownersHintProperty().get()).isEqualTo("2 of 2 keys must sign each operation (one is a new key in your vault).");
        vm.ownersModeProperty().set(SessionBuilderViewModel.OwnersMode.CUSTOM);
        vm.validatorProperty().set(BOB.hex());
        vm.validatorInitDataProperty().set("0x12345");
        assertThat(vm.ownersHintProperty().get()).isEqualTo("Init data: Odd number of hex digits.");
        vm.validatorInitDataProperty().set("0x1234");
        assertThat(vm.spec().orElseThrow().owners()).isEqualTo(new SessionSpec.OwnersSpec.Custom(BOB, dev.latchkey.session.model.HexBytes.parse("d", "0x1234")));
    }

    @Test
    void theTransferTemplateNeedsItsRecipientFirst() {
        vm.templateProperty().set(Template.USDC_TRANSFER);
        vm.onApplyTemplate();
        assertThat(vm.templateHintProperty().get()).isEqualTo("Enter the recipient's address first.");
        vm.templateRecipientProperty().set(BOB.hex());
        vm.onApplyTemplate();
        assertThat(vm.actions()).singleElement().satisfies(a -> assertThat(a.titleProperty().get()).isEqualTo("USDC · transfer"));
        assertThat(vm.exposureProperty().get()).startsWith("at most 1,000 USDC in total (100 per call)");
    }
}
