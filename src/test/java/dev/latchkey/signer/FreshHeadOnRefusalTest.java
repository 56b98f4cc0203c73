package dev.latchkey.signer;

import static dev.latchkey.signer.SignerFixture.BOB;
import static dev.latchkey.signer.SignerFixture.USDC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.policy.Policy;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signer's head is refreshed in the background, so it can be one block behind the chain. A periodic allowance
 * whose window rolled over in that newest block must not be refused on the stale head (the automation engine, which
 * read the newer head, fired the payment exactly then); a window that is really full stays refused.
 */
class FreshHeadOnRefusalTest {

    static final long PERIOD = 60;
    static final BigInteger PER_PERIOD = BigInteger.valueOf(10_000_000L);

    @TempDir Path dir;
    SignerFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new SignerFixture(dir);
        f.periodic = new Policy.PeriodicSpendingLimit(List.of(new Policy.TokenLimit(USDC, PER_PERIOD)), PERIOD);
        f.addSession();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aWindowThatRolledOverInTheNewestBlockIsNotRefusedOnTheCachedHead() throws Exception {
        long cached = midWindow(); // 20 s into an epoch-aligned 60 s window
        f.policies.periodicWindow = new PolicyState.Window(PER_PERIOD, cached - 20); // full for the rest of the window
        f.chain.freshAheadSeconds = PERIOD - 10; // the chain's newest block is in the next window
        try (SignerService signer = f.service()) {
            signer.start();
            Outcome o = signer.submit(f.pay(BOB, 10_000_000L)).get(20, TimeUnit.SECONDS);
            assertThat(o).isInstanceOf(Outcome.Included.class);
        }
    }

    @Test
    void aWindowStillFullOnTheFreshHeadIsRefusedWithItsReason() throws Exception {
        long cached = midWindow();
        f.policies.periodicWindow = new PolicyState.Window(PER_PERIOD, cached - 20);
        f.chain.freshAheadSeconds = 12; // still inside the window
        try (SignerService signer = f.service()) {
            signer.start();
            Outcome o = signer.submit(f.pay(BOB, 1_000_000L)).get(20, TimeUnit.SECONDS);
            assertThat(o).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo("policy:limit");
                assertThat(r.message()).contains("over the allowance 10000000 per 60 s");
            });
        }
        assertThat(f.bundler.sends).isEmpty();
    }

    /** Shifts the fake chain's clock to 20 s into a window (periods align to the epoch), so a test's few seconds stay inside it. */
    private long midWindow() {
        long now = f.chain.chainTime();
        f.chain.offsetSeconds += 20 - Math.floorMod(now, PERIOD);
        return f.chain.chainTime();
    }

    @Test
    void theTradePathReadsNoFreshHead() throws Exception {
        try (SignerService signer = f.service()) {
            signer.start();
            assertThat(signer.submit(f.pay(BOB, 1_000_000L)).get(20, TimeUnit.SECONDS)).isInstanceOf(Outcome.Included.class);
        }
        assertThat(f.chain.freshReads).as("the refusal path only").hasValue(0);
    }
}
