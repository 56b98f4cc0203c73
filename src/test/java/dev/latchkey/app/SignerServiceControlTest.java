package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.keystore.Keystore;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.signer.ChainView;
import dev.latchkey.signer.OperationSink;
import dev.latchkey.signer.SignerConfig;
import dev.latchkey.signer.SignerService;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.status.SignerMode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pause switch over the real SignerService on a real keystore (cheap KDF). No session is enabled, so the
 * chain-side ports are never asked; they fail loudly if they were.
 */
class SignerServiceControlTest {

    @TempDir Path dir;

    @Test
    void pauseStopsTheSignerResumeStartsItLockWins() throws Exception {
        try (Keystore keystore = Keystore.create(dir.resolve("wallet.db"), "pw".toCharArray(), TestWalletSessions.CHEAP,
                TestWalletSessions.POLICY, Clock.systemUTC())) {
            SignerService service = new SignerService(keystore, s -> Optional.empty(), (s, chain) -> fail(),
                    (s, chain, nonce, data) -> fail(), new UnusedChain(), new UnusedSink(),
                    SignerConfig.defaults(PolicyAddresses.canonical(), SoftLimits.NONE));
            AtomicBoolean unlocked = new AtomicBoolean(true);
            SignerServiceControl control = new SignerServiceControl(service, unlocked::get);
            List<SignerMode> heard = new CopyOnWriteArrayList<>();
            AutoCloseable subscription = control.subscribe(heard::add);

            assertThat(control.mode()).isEqualTo(SignerMode.OFF);
            control.pause(); // nothing runs: nothing to pause
            assertThat(control.mode()).isEqualTo(SignerMode.OFF);

            service.start();
            assertThat(control.mode()).isEqualTo(SignerMode.RUNNING);
            assertThat(heard).last().isEqualTo(SignerMode.RUNNING);

            control.pause();
            assertThat(service.state().running()).isFalse();
            assertThat(control.mode()).isEqualTo(SignerMode.PAUSED);
            assertThat(heard).last().isEqualTo(SignerMode.PAUSED);

            unlocked.set(false);
            assertThat(control.mode()).isEqualTo(SignerMode.LOCKED);
            assertThatThrownBy(control::resume).hasMessageContaining("locked");
            assertThat(service.state().running()).isFalse();

            unlocked.set(true);
            control.resume();
            assertThat(service.state().running()).isTrue();
            assertThat(control.mode()).isEqualTo(SignerMode.RUNNING);
            assertThat(heard).last().isEqualTo(SignerMode.RUNNING);

            subscription.close();
            int before = heard.size();
            control.pause();
            assertThat(heard).hasSize(before);
            service.close();
        }
    }

    private static <T> T fail() {
        throw new AssertionError("the signer asked the chain although no session is enabled");
    }

    private static final class UnusedChain implements ChainView {
        @Override public long chainId() { return 31_337; } // the port's fixed chain, not a read
        @Override public long chainTime() { return fail(); }
        @Override public BigInteger baseFee() { return fail(); }
        @Override public long nextSequence(Address sender, BigInteger nonceKey) { return fail(); }
        @Override public Permission permission(Address smartSession, dev.latchkey.session.model.HexBytes pid, Address account) {
            return fail();
        }
    }

    private static final class UnusedSink implements OperationSink {
        @Override public Address entryPoint() { return fail(); }
        @Override public dev.latchkey.session.model.HexBytes send(dev.latchkey.aa.userop.UserOperation signed) { return fail(); }
        @Override public Optional<dev.latchkey.aa.submit.UserOperationReceipt> receipt(
                dev.latchkey.session.model.HexBytes userOpHash, java.time.Duration timeout) { return fail(); }
    }
}
