package dev.latchkey.ui.builder;

import static dev.latchkey.ui.builder.BuilderFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.trade.template.SessionTemplates;
import dev.latchkey.trade.template.TemplateSession;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SessionCompilerTest {

    static Stream<Arguments> templates() {
        return Stream.of(
                Arguments.of("uniswap-swap", new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(500), usdc(2000))),
                Arguments.of("aave-repay-only", new SessionTemplate.AaveRepayOnly("USDC", usdc(500), usdc(1000))),
                Arguments.of("aave-supply-borrow-repay",
                        new SessionTemplate.AaveSupplyBorrowRepay("WETH", eth("5"), eth("10"), "USDC", usdc(1000), usdc(5000))),
                Arguments.of("usdc-transfer", new SessionTemplate.UsdcTransfer(BOB, usdc(100), usdc(1000))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void aTemplateLoadedAndLeftUnchangedCompilesToTheSnapshotBytes(String id, SessionTemplate template) throws IOException {
        TemplateSession t = SessionTemplates.build(template, week(), TEMPLATE_CONTEXT);
        SessionSpec spec = SessionCompiler.fromWallet(t.wallet(), SESSION_KEY);
        WalletSession again = SessionCompiler.compile(spec, SESSION_KEY, SALT, DEVNET.chainId());

        assertThat(again).isEqualTo(t.wallet());
        HexBytes abi = SessionAbi.encode(SessionMapper.toOnchain(again, POLICIES));
        assertThat(abi).isEqualTo(snapshotAbi(id)); // the pinned bytes of docs/trade.md §2, not just our own round trip
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void onANetworkWithOperationDeadlines_aTemplateLoadedAndLeftUnchangedCompilesToItsOwnBytes(String id, SessionTemplate template) {
        var addresses = POLICIES.with(dev.latchkey.session.policy.PolicyKind.OPERATION_DEADLINE,
                new dev.latchkey.session.model.Address("0x4000000000000000000000000000000000000009"));
        TemplateSession t = SessionTemplates.build(template, week(), new dev.latchkey.trade.template.TemplateContext(DEVNET, ACCOUNT,
                SESSION_KEY, SALT, addresses));
        assertThat(t.wallet().policies()).last().isEqualTo(new dev.latchkey.session.policy.Policy.OperationDeadline());
        SessionSpec spec = SessionCompiler.fromWallet(t.wallet(), SESSION_KEY);
        WalletSession again = dev.latchkey.session.wallet.OperationDeadlines.whereDeployed(
                SessionCompiler.compile(spec, SESSION_KEY, SALT, DEVNET.chainId()), addresses);
        assertThat(again).isEqualTo(t.wallet());
    }

    @Test
    void specFieldsOfTheSwapTemplateAreTheOnesTheFormShows() {
        TemplateSession t = SessionTemplates.build(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(500), usdc(2000)), week(), TEMPLATE_CONTEXT);
        SessionSpec spec = SessionCompiler.fromWallet(t.wallet(), SESSION_KEY);
        assertThat(spec.owners()).isEqualTo(new SessionSpec.OwnersSpec.NewKey());
        assertThat(spec.actions()).extracting(SessionSpec.ActionSpec::selector)
                .containsExactly(Catalog.APPROVE.selector(), Catalog.EXACT_INPUT_SINGLE.selector());
        assertThat(spec.limits().validAfter()).isEqualTo(START);
        assertThat(spec.limits().validUntil()).isEqualTo(START + 7 * 86_400);
        assertThat(spec.limits().maxOperations()).contains(BigInteger.valueOf(350));
        assertThat(spec.limits().period()).isEqualTo(86_400);
        assertThat(spec.limits().tokenCaps()).containsExactly(new SessionSpec.TokenCap(USDC, Optional.of(usdc(2000)), Optional.empty()));
    }

    @Test
    void capsAttachOnlyToTokenOutflowsOfThatToken() {
        SessionSpec spec = new SessionSpec(new SessionSpec.OwnersSpec.NewKey(), List.of(
                new SessionSpec.ActionSpec(USDC, Catalog.TRANSFER.selector(), BigInteger.ZERO,
                        List.of(new ParamRule(ParamCondition.EQUAL, BigInteger.ZERO, new BigInteger(1, BOB.bytes()), Optional.empty()))),
                new SessionSpec.ActionSpec(POOL, Catalog.SUPPLY.selector(), BigInteger.ZERO,
                        List.of(new ParamRule(ParamCondition.EQUAL, BigInteger.ZERO, new BigInteger(1, USDC.bytes()), Optional.empty())))),
                false, new SessionSpec.LimitsSpec(START, START + 86_400, Optional.of(BigInteger.TEN), Optional.empty(), Optional.empty(),
                Optional.empty(), 3_600, List.of(new SessionSpec.TokenCap(USDC, Optional.of(usdc(5)), Optional.of(usdc(50))))));
        WalletSession s = SessionCompiler.compile(spec, SESSION_KEY, SALT, 31337);
        assertThat(s.actions().get(0).policies()).hasSize(3)
                .element(1).isEqualTo(new Policy.PeriodicSpendingLimit(List.of(new Policy.TokenLimit(USDC, usdc(5))), 3_600));
        assertThat(s.actions().get(0).policies().get(2)).isEqualTo(new Policy.SpendingLimits(List.of(new Policy.TokenLimit(USDC, usdc(50)))));
        assertThat(s.actions().get(1).policies()).hasSize(1).first().isInstanceOf(Policy.UniversalAction.class);
        assertThat(SessionCompiler.fromWallet(s, SESSION_KEY)).isEqualTo(spec);
    }

    @Test
    void noRulesMeansSudoAndNoLimitsMeansSudoUserOpPolicy() {
        SessionSpec spec = new SessionSpec(new SessionSpec.OwnersSpec.NewKey(), List.of(), true,
                new SessionSpec.LimitsSpec(0, 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 86_400, List.of()));
        WalletSession s = SessionCompiler.compile(spec, SESSION_KEY, SALT, 31337);
        assertThat(s.actions()).containsExactly(Action.anyCall());
        assertThat(s.policies()).containsExactly(new Policy.Sudo());
        assertThat(SessionCompiler.fromWallet(s, SESSION_KEY)).isEqualTo(spec);
    }

    @Test
    void multisigOwnersKeepTheNewKeyAndThreshold() {
        SessionSpec spec = new SessionSpec(new SessionSpec.OwnersSpec.Multisig(true, List.of(BOB), 2), List.of(), true,
                new SessionSpec.LimitsSpec(0, START, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 86_400, List.of()));
        WalletSession s = SessionCompiler.compile(spec, SESSION_KEY, SALT, 31337);
        assertThat(s.owners()).isEqualTo(new dev.latchkey.session.wallet.Owners.Ecdsa(List.of(SESSION_KEY, BOB), 2));
        assertThat(SessionCompiler.fromWallet(s, SESSION_KEY)).isEqualTo(spec);
    }

    @Test
    void aSessionOfAnotherShapeIsRefusedWithTheReason() {
        WalletSession custom = new WalletSession(new dev.latchkey.session.wallet.Owners.Ecdsa(List.of(SESSION_KEY), 1),
                List.of(new Action(ROUTER, Catalog.EXACT_INPUT_SINGLE.selector(), List.of(new Policy.UsageLimit(BigInteger.ONE)))),
                List.of(new Policy.Sudo()), SALT, List.of(31337L), Optional.empty(), false);
        assertThatThrownBy(() -> SessionCompiler.fromWallet(custom, SESSION_KEY))
                .isInstanceOf(FieldException.class).hasMessageContaining("actions[0].policies[0]");
    }

    /** The {@code abi.encode(Session)} lines of a template snapshot, as bytes. */
    static HexBytes snapshotAbi(String id) throws IOException {
        try (InputStream in = SessionCompilerTest.class.getResourceAsStream("/dev/latchkey/trade/" + id + ".snap")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String hex = text.substring(text.indexOf("abi.encode(Session):")).lines().skip(1)
                    .map(l -> l.substring(5)).reduce("", String::concat);
            return HexBytes.of(HexFormat.of().parseHex(hex));
        }
    }
}
