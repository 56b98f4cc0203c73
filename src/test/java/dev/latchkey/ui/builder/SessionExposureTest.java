package dev.latchkey.ui.builder;

import static dev.latchkey.ui.builder.BuilderFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.trade.template.SessionTemplates;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionExposureTest {

    private static WalletSession template(SessionTemplate t) {
        return SessionTemplates.build(t, week(), TEMPLATE_CONTEXT).wallet();
    }

    @Test
    void swapTemplate() {
        WalletSession s = template(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(500), usdc(2000)));
        assertThat(SessionExposure.line(s, DEVNET, java.time.ZoneId.of("UTC"))).isEqualTo(
                "at most 2,000 USDC per day (500 per call, 14,000 in total) until 22 Jan 2027 08:00 UTC; ETH value 0; gas at most 0.14 ETH");
        assertThat(SessionExposure.unrestrictedReasons(s, DEVNET)).isEmpty();
    }

    @Test
    void transferTemplateHasATotalCapOnly() {
        WalletSession s = template(new SessionTemplate.UsdcTransfer(BOB, usdc(100), usdc(1000)));
        assertThat(SessionExposure.line(s, DEVNET, java.time.ZoneId.of("UTC")))
                .startsWith("at most 1,000 USDC in total (100 per call) until 22 Jan 2027");
    }

    @Test
    void aaveTemplateAddsUpEachTokensActions() {
        WalletSession s = template(new SessionTemplate.AaveSupplyBorrowRepay("WETH", eth("5"), eth("10"), "USDC", usdc(1000), usdc(5000)));
        assertThat(SessionExposure.line(s, DEVNET, java.time.ZoneId.of("UTC")))
                .startsWith("at most 10 WETH per day (5 per call, 70 in total); at most 5,000 USDC per day (5,000 per call, 35,000 in total)");
    }

    @Test
    void anyCallAndNoLimitsAreUnrestrictedAndSaySo() {
        SessionSpec spec = new SessionSpec(new SessionSpec.OwnersSpec.NewKey(), List.of(), true,
                new SessionSpec.LimitsSpec(0, 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 86_400, List.of()));
        WalletSession s = SessionCompiler.compile(spec, SESSION_KEY, SALT, 31337);
        assertThat(SessionExposure.unrestrictedReasons(s, DEVNET)).containsExactly(
                "may call ANY contract with any arguments", "no session-wide limits (no expiry, no operation cap)");
        assertThat(SessionExposure.line(s, DEVNET, java.time.ZoneId.of("UTC")))
                .isEqualTo("ANY token, ANY amount with no expiry; ETH value UNLIMITED; gas cost not capped");
    }

    @Test
    void anUncappedTokenOutflowIsUnlimited() {
        SessionSpec spec = new SessionSpec(new SessionSpec.OwnersSpec.NewKey(), List.of(new SessionSpec.ActionSpec(USDC,
                dev.latchkey.trade.catalog.Catalog.TRANSFER.selector(), BigInteger.ZERO, List.of())), false,
                new SessionSpec.LimitsSpec(START, START + 86_400, Optional.of(BigInteger.TEN), Optional.empty(), Optional.empty(),
                        Optional.empty(), 86_400, List.of()));
        WalletSession s = SessionCompiler.compile(spec, SESSION_KEY, SALT, 31337);
        assertThat(SessionExposure.line(s, DEVNET, java.time.ZoneId.of("UTC"))).startsWith("UNLIMITED USDC until 16 Jan 2027 08:00 UTC; ETH value UNLIMITED");
        assertThat(SessionExposure.unrestrictedReasons(s, DEVNET)).containsExactly("USDC.transfer with ANY arguments (no rules)");
    }
}
