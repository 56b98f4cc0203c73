package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Labels are plaintext: a default label names the kind, never a sealed parameter (issue 11). */
class DefaultLabelTest {

    @Test
    void defaultLabelsRevealNoParameter() {
        RuleOptions.LimitOrder l = new RuleOptions.LimitOrder();
        l.pair = "WETH/USDC";
        l.side = "buy";
        l.amount = "1000";
        l.price = new BigDecimal("2500");
        assertThat(l.summary()).isEqualTo("limit order").doesNotContain("2500").doesNotContain("WETH");
        RuleOptions.Stop s = new RuleOptions.Stop();
        s.pair = "WETH/USDC";
        s.stopLoss = new BigDecimal("1800");
        assertThat(s.summary()).isEqualTo("stop order");
        RuleOptions.Recurring r = new RuleOptions.Recurring();
        r.amount = "50";
        r.token = "USDC";
        r.to = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
        assertThat(r.summary()).isEqualTo("recurring payment");
        RuleOptions.AutoRepay a = new RuleOptions.AutoRepay();
        a.below = new BigDecimal("1.2");
        assertThat(a.summary()).isEqualTo("auto-repay");
    }
}
