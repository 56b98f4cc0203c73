package dev.latchkey.trade;

import static dev.latchkey.trade.TradeFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.json.SessionDocument;
import dev.latchkey.session.json.WalletSessionJson;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.LeastPrivilege;
import dev.latchkey.trade.template.SessionBounds;
import dev.latchkey.trade.template.SessionReview;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.trade.template.SessionTemplates;
import dev.latchkey.trade.template.TemplateContext;
import dev.latchkey.trade.template.TemplateSession;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each template's exact session bytes, permission id and texts, pinned in src/test/resources/dev/latchkey/trade/. */
class TemplateSnapshotTest {

    static final SessionTemplate SWAP = new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(500), usdc(2000));
    static final SessionTemplate REPAY = new SessionTemplate.AaveRepayOnly("USDC", usdc(500), usdc(1000));
    static final SessionTemplate AAVE = new SessionTemplate.AaveSupplyBorrowRepay("WETH", eth("5"), eth("10"), "USDC", usdc(1000), usdc(5000));
    static final SessionTemplate TRANSFER = new SessionTemplate.UsdcTransfer(BOB, usdc(100), usdc(1000));

    static String render(TemplateSession t) {
        return render(t, DEVNET);
    }

    static String render(TemplateSession t, TradeNetwork network) {
        StringBuilder s = new StringBuilder()
                .append("template: ").append(t.templateId()).append('\n')
                .append("permissionId: ").append(t.permissionId()).append('\n')
                .append("summary: ").append(t.summary()).append('\n')
                .append("worstCase: ").append(t.worstCase()).append('\n')
                .append("review:\n").append(String.join("\n", SessionReview.lines(t.wallet(), network, ACCOUNT))).append('\n')
                .append("session (wallet format):\n")
                .append(WalletSessionJson.write(new SessionDocument(t.wallet(), POLICIES)).toPrettyString()).append('\n')
                .append("abi.encode(Session): ").append(t.abi().length()).append(" bytes\n");
        byte[] b = t.abi().unsafeBytes();
        for (int i = 0; i < b.length; i += 32) {
            s.append(String.format("%04x ", i)).append(HexFormat.of().formatHex(b, i, Math.min(b.length, i + 32))).append('\n');
        }
        return s.toString();
    }

    static TemplateSession build(SessionTemplate t) {
        return SessionTemplates.build(t, week(), CTX);
    }

    @Test
    void uniswapSwap() throws Exception {
        TemplateSession t = build(SWAP);
        assertThat(t.worstCase()).isEqualTo("at most 2,000 USDC per day (500 USDC per trade, 14,000 USDC in total), only into WETH for this account,"
                + " until 2027-01-22 08:00 UTC; ETH value 0; gas at most 0.14 ETH over at most 350 operations");
        assertConsistent(t);
        assertThat(SessionReview.lines(t.wallet(), DEVNET, ACCOUNT)).containsExactly(
                "operation: valid from 2027-01-15T08:00:00Z until 2027-01-22T08:00:00Z",
                "operation: at most 350 uses",
                "operation: gas cost at most 0.14 ETH in total",
                "USDC.approve",
                "  native value ≤ 0 ETH",
                "  spender == SwapRouter02",
                "  amount ≤ 500 USDC",
                "  spending at most 2,000 USDC per day",
                "SwapRouter02.exactInputSingle",
                "  native value ≤ 0 ETH",
                "  tokenIn == USDC",
                "  tokenOut == WETH",
                "  fee == 500",
                "  recipient == this account",
                "  amountIn ≤ 500 USDC (at most 14,000 USDC in total)",
                "  amountOutMinimum > 0 WETH",
                "signing: no messages (the session key signs only user operations)",
                "paymaster: not allowed (the account pays the session's gas itself)");
        Snapshots.assertMatches("uniswap-swap", render(t));
    }

    @Test
    void uniswapSwapOnEthereumPreset() throws Exception {
        TemplateContext mainnet = new TemplateContext(TradeNetwork.ethereum(), ACCOUNT, SESSION_KEY, SALT, POLICIES);
        TemplateSession t = SessionTemplates.build(SWAP, week(), mainnet);
        assertConsistent(t);
        Snapshots.assertMatches("uniswap-swap-ethereum", render(t, mainnet.network()));
    }

    @Test
    void aaveRepayOnly() throws Exception {
        TemplateSession t = build(REPAY);
        assertThat(t.worstCase()).startsWith("at most 1,000 USDC per day (500 USDC per repayment), only to repay this account's own debt, until 2027-01-22");
        assertConsistent(t);
        Snapshots.assertMatches("aave-repay-only", render(t));
    }

    @Test
    void aaveSupplyBorrowRepay() throws Exception {
        TemplateSession t = build(AAVE);
        assertThat(t.wallet().actions()).hasSize(6);
        assertConsistent(t);
        Snapshots.assertMatches("aave-supply-borrow-repay", render(t));
    }

    @Test
    void usdcTransfer() throws Exception {
        TemplateSession t = build(TRANSFER);
        assertThat(t.worstCase()).startsWith("at most 1,000 USDC in total (100 USDC per transfer), only to 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC,");
        assertConsistent(t);
        Snapshots.assertMatches("usdc-transfer", render(t));
    }

    /** Every rule of every template sits on a named, rule-safe catalog argument, and every amount is shown in its token. */
    @Test
    void everyRuleMapsToANamedArgument() {
        for (SessionTemplate t : List.of(SWAP, REPAY, AAVE, TRANSFER)) {
            List<String> review = SessionReview.lines(build(t).wallet(), DEVNET, ACCOUNT);
            assertThat(review).as(t.id()).noneMatch(l -> l.contains("word at offset") || l.matches(".*amount\\w* ≤ \\d+$"));
        }
    }

    /** The snapshot comparison notices a single changed byte and says where. */
    @Test
    void oneChangedByteFailsWithAReadableDiff() {
        TemplateSession t = build(SWAP);
        String good = render(t);
        byte[] b = t.abi().bytes();
        b[b.length - 40] ^= 1;
        TemplateSession bad = new TemplateSession(t.templateId(), t.wallet(), t.onchain(), t.permissionId(), HexBytes.of(b), t.summary(), t.worstCase());
        Optional<String> d = Snapshots.diff(good, render(bad));
        assertThat(d).isPresent();
        assertThat(d.get().lines()).hasSize(2).allMatch(l -> l.matches(" *\\d+ [-+] [0-9a-f]{4} [0-9a-f]{64}"));
    }

    @Test
    void templatesAreDeterministicAndSaltsSeparateThem() {
        assertThat(build(SWAP)).isEqualTo(build(SWAP));
        TemplateContext other = new TemplateContext(DEVNET, ACCOUNT, SESSION_KEY, HexBytes.parse("salt", "0x" + "01".repeat(32)), POLICIES);
        assertThat(SessionTemplates.build(SWAP, week(), other).permissionId()).isNotEqualTo(build(SWAP).permissionId());
    }

    @Test
    void templateParametersAreValidatedByName() {
        assertThatThrownBy(() -> new SessionTemplate.UniswapSwap("USDC", "usdc", 500, usdc(1), usdc(1))).hasMessageStartingWith("to:");
        assertThatThrownBy(() -> new SessionTemplate.UniswapSwap("USDC", "WETH", 501, usdc(1), usdc(1))).hasMessageStartingWith("fee:");
        assertThatThrownBy(() -> new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(3), usdc(2))).hasMessageStartingWith("maxPerTrade:");
        assertThatThrownBy(() -> new SessionTemplate.AaveRepayOnly("USDC", BigInteger.ZERO, usdc(2))).hasMessageStartingWith("maxPerRepay:");
        assertThatThrownBy(() -> SessionTemplates.build(new SessionTemplate.UniswapSwap("USDC", "PEPE", 500, usdc(1), usdc(1)), week(), CTX))
                .hasMessageStartingWith("to: unknown token PEPE");
        assertThatThrownBy(() -> SessionBounds.of(START, 8)).hasMessageStartingWith("days:");
        assertThatThrownBy(() -> build(new SessionTemplate.UsdcTransfer(ACCOUNT, usdc(1), usdc(1)))).hasMessageStartingWith("recipient:");
        assertThatThrownBy(() -> build(new SessionTemplate.UsdcTransfer(ROUTER, usdc(1), usdc(1)))).hasMessageStartingWith("recipient:");
        assertThatThrownBy(() -> build(new SessionTemplate.UsdcTransfer(TradeFixtures.DEVNET.smartSession(), usdc(1), usdc(1))))
                .hasMessageContaining("SmartSession");
    }

    /** R3/R5/R8: broader sessions are refused, naming what is wrong. */
    @Test
    void leastPrivilegeRefusesBroaderSessions() {
        WalletSession ok = build(SWAP).wallet();
        LeastPrivilege.check(ok, ACCOUNT, DEVNET);
        assertThatThrownBy(() -> LeastPrivilege.check(with(ok, List.of(Action.anyCall()), ok.policies()), ACCOUNT, DEVNET))
                .hasMessageStartingWith("actions[0].target: fallback");
        List<Action> sudo = new ArrayList<>(ok.actions());
        sudo.set(1, new Action(ROUTER, sudo.get(1).selector(), List.of(new Policy.Sudo())));
        assertThatThrownBy(() -> LeastPrivilege.check(with(ok, sudo, ok.policies()), ACCOUNT, DEVNET)).hasMessageStartingWith("actions[1].policies: sudo");
        List<Action> noCap = new ArrayList<>(ok.actions());
        noCap.set(0, new Action(USDC, noCap.get(0).selector(), List.of(noCap.get(0).policies().get(0))));
        assertThatThrownBy(() -> LeastPrivilege.check(with(ok, noCap, ok.policies()), ACCOUNT, DEVNET)).hasMessageContaining("spending limit");
        List<Action> self = List.of(new Action(ACCOUNT, ok.actions().get(1).selector(), ok.actions().get(1).policies()));
        assertThatThrownBy(() -> LeastPrivilege.check(with(ok, self, ok.policies()), ACCOUNT, DEVNET)).hasMessageContaining("the account itself");
        assertThatThrownBy(() -> LeastPrivilege.check(with(ok, ok.actions(), ok.policies().subList(0, 2)), ACCOUNT, DEVNET))
                .hasMessage("policies: a gas-cost-limit policy is required");
        assertThatThrownBy(() -> LeastPrivilege.check(with(ok, ok.actions(), List.of(new Policy.TimeFrame(START + 8 * 86_400, START),
                ok.policies().get(1), ok.policies().get(2))), ACCOUNT, DEVNET)).hasMessageStartingWith("policies.timeFrame");
        WalletSession paymaster = new WalletSession(ok.owners(), ok.actions(), ok.policies(), ok.salt(), ok.chains(), ok.signing(), true);
        assertThatThrownBy(() -> LeastPrivilege.check(paymaster, ACCOUNT, DEVNET)).isInstanceOf(FieldException.class)
                .hasMessageStartingWith("permitERC4337Paymaster");
    }

    static WalletSession with(WalletSession s, List<Action> actions, List<Policy> policies) {
        return new WalletSession(s.owners(), actions, policies, s.salt(), s.chains(), s.signing(), false);
    }

    static void assertConsistent(TemplateSession t) {
        assertThat(t.onchain()).isEqualTo(SessionMapper.toOnchain(t.wallet(), POLICIES));
        assertThat(t.abi()).isEqualTo(SessionAbi.encode(t.onchain()));
        assertThat(t.permissionId()).isEqualTo(Ids.permissionId(t.onchain()));
        assertThat(t.onchain().permitsGenericPolicy()).isFalse();
        assertThat(t.onchain().permitsAdminAccess()).isFalse();
        assertThat(t.onchain().permitErc4337Paymaster()).isFalse();
        assertThat(SessionMapper.toWallet(t.onchain(), POLICIES, t.wallet().chains())).isEqualTo(t.wallet());
    }
}
