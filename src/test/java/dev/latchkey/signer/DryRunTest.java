package dev.latchkey.signer;

import static dev.latchkey.signer.SignerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.engine.SoftLimits;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signer's dry run says what a submit decides (soft limits and operations in flight included) and writes nothing. */
class DryRunTest {

    @TempDir Path dir;

    @Test
    void aDryRunDecidesAsTheSubmitDoesAndLeavesNoTrace() throws Exception {
        try (SignerFixture f = new SignerFixture(dir)) {
            // soft per-trade cap 500 USDC, stricter than the session's 1000 on chain
            f.soft = new SoftLimits(Optional.empty(), Map.of(USDC, BigInteger.valueOf(500_000_000L)),
                    Map.of(), OptionalInt.empty(), 0, false);
            SessionRecord s = f.addSession();
            try (SignerService signer = f.service()) {
                assertThat(signer.dryRun(f.pay(BOB, 1_000_000L))).as("before start").isInstanceOf(DryRun.Refused.class);
                signer.start();
                int rows = f.keystore.activity().recent(1000).size();

                assertThat(signer.dryRun(f.pay(BOB, 10_000_000L))).isInstanceOfSatisfying(DryRun.Pass.class,
                        p -> assertThat(p.permissionId()).isEqualTo(s.permissionId()));
                DryRun overSoft = signer.dryRun(f.pay(BOB, 600_000_000L));
                assertThat(overSoft).isInstanceOfSatisfying(DryRun.Refused.class, r -> assertThat(r.reason()).startsWith("policy"));
                assertThat(signer.dryRun(f.pay(MALLORY, 1_000_000L))).isInstanceOfSatisfying(DryRun.Refused.class,
                        r -> assertThat(r.reason()).startsWith("policy"));
                assertThat(f.keystore.activity().recent(1000)).as("a dry run writes no activity row").hasSize(rows);
                assertThat(f.keystore.journal().open()).as("nor a journal row").isEmpty();
                assertThat(f.bundler.sends).as("nothing sent").isEmpty();
                assertThat(f.usdcLine(s).reserved()).isZero();

                // the submit decides the same: the over-soft trade is refused with the dry run's reason
                Outcome submitted = signer.submit(f.pay(BOB, 600_000_000L)).get(10, TimeUnit.SECONDS);
                assertThat(submitted).isInstanceOfSatisfying(Outcome.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(((DryRun.Refused) overSoft).reason()));

                // operations in flight count first: 900 USDC held by an unmined operation leaves 100 of the 1000
                f.bundler.blackhole = true;
                signer.submit(f.pay(BOB, 450_000_000L));
                signer.submit(f.pay(BOB, 450_000_000L));
                for (int i = 0; i < 200 && f.keystore.journal().open().size() < 2; i++) Thread.sleep(20);
                assertThat(signer.dryRun(f.pay(BOB, 200_000_000L))).as("200 more would cross the cap with 900 in flight")
                        .isInstanceOf(DryRun.Refused.class);
                assertThat(signer.dryRun(f.pay(BOB, 50_000_000L))).isInstanceOf(DryRun.Pass.class);
            }
        }
    }
}
