package dev.latchkey.app;

import dev.latchkey.trade.build.RefusalText;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.Fixture;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Automations screen words a rule refusal about the trade (amounts in tokens), not in offsets and hex words. */
class RuleRefusalWordingTest {

    @TempDir Path dir;

    @Test
    void aRuleOverThePerTradeCapIsRefusedInTokenAmounts() throws Exception {
        Fixture f = new Fixture(dir);
        try {
            SessionRecord s = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)));
            AutomationService service = f.service(new RefusalText(Fixture.NET)::explain);
            assertThatThrownBy(() -> service.add(s.permissionId(), "too big", new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY,
                    usdc(1500), new BigDecimal("2500"), 50), Fixture.START + 100))
                    .isInstanceOf(AutomationService.RuleRefusedException.class)
                    .hasMessage("the session does not allow this rule: USDC.approve: amount is 1,500 USDC; this session allows at most 1,000 USDC");
        } finally {
            f.keystore.close();
        }
    }

    private static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }
}
