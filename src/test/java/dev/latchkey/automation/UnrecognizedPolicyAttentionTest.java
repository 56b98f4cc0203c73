package dev.latchkey.automation;

import static dev.latchkey.automation.Fixture.ACCOUNT;
import static dev.latchkey.automation.Fixture.USDC;
import static dev.latchkey.automation.Fixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.engine.UnrecognizedPolicyException;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy contract that does not answer as the policy the session names (another build, a wrong address) cannot be
 * fixed by trying again: the rule goes to needs-attention with the contract and the function named, instead of being
 * skipped block after block without a word on screen.
 */
class UnrecognizedPolicyAttentionTest {

    @TempDir Path dir;
    Fixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.keystore.close();
    }

    @Test
    void aRuleWhosePolicyDoesNotAnswerNeedsAttentionWithTheReason() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(2500)));
        AutomationRule rule = f.add(s, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(100), new BigDecimal("2500"), 50));
        f.chain.balance(USDC, ACCOUNT, usdc(5000));
        Address policy = new Address("0x" + "ab".repeat(20));
        // every read of the policy state fails the way ChainPolicyState reports an unknown build
        PolicyState unknown = new PolicyState() {
            private UnrecognizedPolicyException unknown() {
                return new UnrecognizedPolicyException("PeriodicSpendingLimitPolicy", policy, "getBudget(bytes32,address,address,address)",
                        "the call reverted without data");
            }
            @Override public java.math.BigInteger usageUsed(Address p, HexBytes c) { throw unknown(); }
            @Override public java.math.BigInteger valueUsed(Address p, HexBytes c) { throw unknown(); }
            @Override public Spending spending(Address p, HexBytes c, Address t) { throw unknown(); }
            @Override public Window periodicBudget(Address p, HexBytes c, Address t) { throw unknown(); }
            @Override public Window rateLimit(Address p, HexBytes c) { throw unknown(); }
            @Override public java.math.BigInteger gasCostUsed(Address p, HexBytes c) { throw unknown(); }
            @Override public java.math.BigInteger ruleUsed(Address p, HexBytes c, int i) { throw unknown(); }
        };
        f.price("2400"); // the limit buy at 2,500 is triggered
        try (AutomationEngine engine = f.engine((session, chainId) -> unknown)) {
            AutomationEngine.Report report = engine.evaluate(f.chain.next(2));
            assertThat(report.fired()).isZero();
            assertThat(report.attention()).isEqualTo(1);
        }
        assertThat(f.signer.received).as("nothing handed to the signer").isEmpty();
        AutomationRule after = f.rule(rule);
        assertThat(after.status()).isEqualTo(AutomationRule.Status.NEEDS_ATTENTION);
        assertThat(after.statusReason()).contains("PeriodicSpendingLimitPolicy at 0xabab").contains("does not answer getBudget")
                .contains("not a policy version this wallet knows");
    }
}
