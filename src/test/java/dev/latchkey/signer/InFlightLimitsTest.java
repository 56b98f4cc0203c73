package dev.latchkey.signer;

import static dev.latchkey.signer.SignerFixture.BOB;
import static dev.latchkey.signer.SignerFixture.USDC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.policy.Policy;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operations of a session that are sent but not on chain yet are invisible to the policy contracts' counters. The
 * signer counts them before it signs the next one: a trade that would cross a periodic allowance together with the
 * ones in flight is refused locally, never signed (the chain would refuse it too, after the signature).
 */
class InFlightLimitsTest {

    static final BigInteger PER_PERIOD = BigInteger.valueOf(10_000_000L);

    @TempDir Path dir;
    SignerFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new SignerFixture(dir);
        f.periodic = new Policy.PeriodicSpendingLimit(List.of(new Policy.TokenLimit(USDC, PER_PERIOD)), 86_400);
        f.addSession();
        f.bundler.blackhole = true; // sent and accepted, not mined: the chain's counters stay at zero
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aTradeOverThePeriodicAllowanceTogetherWithTheOnesInFlightIsRefusedBeforeSigning() throws Exception {
        try (SignerService signer = f.service()) {
            signer.start();
            CompletableFuture<Outcome> first = signer.submit(f.pay(BOB, 4_000_000L));
            CompletableFuture<Outcome> second = signer.submit(f.pay(BOB, 4_000_000L));
            Outcome third = signer.submit(f.pay(BOB, 4_000_000L)).get(20, TimeUnit.SECONDS);
            assertThat(third).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo("policy:limit");
                assertThat(r.message()).contains("12000000 this period, over the allowance 10000000");
            });
            assertThat(f.bundler.byNonce).as("only the two that fit were signed (resends repeat their bytes)").hasSize(2);
            Outcome fits = signer.submit(f.pay(BOB, 2_000_000L)).get(20, TimeUnit.SECONDS);
            assertThat(fits).as("what is left of the window is still usable").isNotInstanceOf(Outcome.Refused.class);
            assertThat(first.isDone() && first.join() instanceof Outcome.Refused).isFalse();
            assertThat(second.isDone() && second.join() instanceof Outcome.Refused).isFalse();
        }
    }
}
