package dev.latchkey.automation;

import static dev.latchkey.automation.Fixture.BOB;
import static dev.latchkey.automation.Fixture.START;
import static dev.latchkey.automation.Fixture.eth;
import static dev.latchkey.automation.Fixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.model.Address;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule that needs more than its session allows is refused at creation, with the PolicyEngine's reason; nothing is stored. */
class ValidationTest {

    @TempDir Path dir;
    Fixture f;
    SessionRecord buyWeth;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(dir);
        buyWeth = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)));
    }

    @AfterEach
    void tearDown() {
        f.keystore.close();
    }

    @Test
    void amountOverThePerTradeCap() {
        refused(buyWeth, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(1001), new BigDecimal("2500"), 50),
                "lessThanOrEqual");
    }

    @Test
    void targetOrSelectorNotCovered() {
        refused(buyWeth, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.SELL, eth("0.1"), new BigDecimal("3500"), 50), "no action allows");
        refused(buyWeth, new RuleSpec.LimitOrder("DAI", "USDC", 500, RuleSpec.Side.BUY, usdc(10), new BigDecimal("0.99"), 50), "rules[1].equal"); // tokenOut
        refused(buyWeth, new RuleSpec.AutoRepay("USDC", new BigDecimal("1.2"), new BigDecimal("1.5"), usdc(10)), "rules[0].equal"); // approve spender = the Aave pool, not the router
    }

    @Test
    void anotherFeeTierIsNotCovered() {
        refused(buyWeth, new RuleSpec.LimitOrder("WETH", "USDC", 3000, RuleSpec.Side.BUY, usdc(10), new BigDecimal("2500"), 50), "rules[2].equal");
    }

    @Test
    void recipientNotAllowed() throws Exception {
        SessionRecord s = f.recurringSession(usdc(10), 60, START + 86_400);
        Address carol = new Address("0x15d34aaf54267db7d7c367839aaf71a00a2c6a65");
        refused(s, new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", carol, null, 0, usdc(10), 60, START + 200, 0, 3, 0), "rules[0].equal");
    }

    @Test
    void periodShorterThanTheSessionsWindow() throws Exception {
        SessionRecord s = f.recurringSession(usdc(10), 60, START + 86_400);
        refused(s, new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", BOB, null, 0, usdc(10), 30, START + 200, 0, 3, 0), "per 60 s");
        // half the amount twice per window fits the on-chain allowance, so it is accepted
        accepted(s, new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", BOB, null, 0, usdc(5), 30, START + 200, 0, 3, 0));
    }

    @Test
    void paymentsAfterTheSessionEnds() throws Exception {
        SessionRecord s = f.recurringSession(usdc(10), 60, START + 3_600);
        refused(s, new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", BOB, null, 0, usdc(10), 60, START + 200, 0, 100, 0), "validUntil");
        accepted(s, new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", BOB, null, 0, usdc(10), 60, START + 200, 0, 10, 0));
    }

    @Test
    void recurringNeedsAPeriodicLimitAndRespectsTheTotal() throws Exception {
        SessionRecord transfer = f.session(new SessionTemplate.UsdcTransfer(BOB, usdc(10), usdc(50)));
        refused(transfer, new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", BOB, null, 0, usdc(10), 86_400, START + 200, 0, 3, 0),
                "periodic spending limit");
        SessionRecord swap = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(100), usdc(100)));
        accepted(swap, new RuleSpec.RecurringPayment(RuleSpec.Mode.SWAP, "USDC", null, "WETH", 500, usdc(100), 86_400, START + 200, 0, 7, 50));
        // 8 daily buys of 100 exceed the 700 the swap rule's cumulative limit allows over the 7-day session
        refused(swap, new RuleSpec.RecurringPayment(RuleSpec.Mode.SWAP, "USDC", null, "WETH", 500, usdc(100), 43_200, START + 200, 0, 8, 50),
                "limit");
    }

    @Test
    void autoRepayWithinTheRepayCap() throws Exception {
        SessionRecord repay = f.session(new SessionTemplate.AaveRepayOnly("USDC", usdc(500), usdc(1000)));
        refused(repay, new RuleSpec.AutoRepay("USDC", new BigDecimal("1.2"), new BigDecimal("1.5"), usdc(501)), "lessThanOrEqual");
        accepted(repay, new RuleSpec.AutoRepay("USDC", new BigDecimal("1.2"), new BigDecimal("1.5"), usdc(500)));
    }

    @Test
    void revokedOrExpiredSessions() throws Exception {
        f.keystore.sessions().setStatus(buyWeth.permissionId(), SessionStatus.REVOKED);
        refused(buyWeth, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(10), new BigDecimal("2500"), 50), "REVOKED");
    }

    @Test
    void aValidRuleIsStoredSealed() throws Exception {
        accepted(buyWeth, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(1000), new BigDecimal("2468.13"), 50));
        byte[] db = java.nio.file.Files.readAllBytes(dir.resolve("wallet.db"));
        byte[] wal = java.nio.file.Files.exists(dir.resolve("wallet.db-wal")) ? java.nio.file.Files.readAllBytes(dir.resolve("wallet.db-wal")) : new byte[0];
        String all = new String(db, java.nio.charset.StandardCharsets.ISO_8859_1) + new String(wal, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(all).as("the limit level never reaches the disk in plaintext").doesNotContain("2468.13").contains("LIMIT_ORDER");
    }

    private void refused(SessionRecord s, RuleSpec spec, String reason) {
        int before;
        try {
            before = f.keystore.automations().all().size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> f.add(s, spec)).isInstanceOf(AutomationService.RuleRefusedException.class)
                .hasMessageContaining("does not allow").hasMessageContaining(reason);
        try {
            assertThat(f.keystore.automations().all()).hasSize(before);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void accepted(SessionRecord s, RuleSpec spec) throws Exception {
        assertThat(f.add(s, spec).status().name()).isEqualTo("ACTIVE");
    }
}
