package dev.latchkey.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.keystore.BudgetEntry;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An expired session on a private devnet (moving chain time a day ahead would break the shared devnet's other suites,
 * whose bundler judges validAfter by the wall clock), without a bundler: the wallet submits {@code handleOps} itself.
 * Used once (ENABLE), then a day passes: the next trade is refused {@code session-expired} and nothing is signed.
 */
class ExpiredSessionOnPrivateDevnetTest {

    @TempDir Path dir;

    @Test
    void aTradeAfterTheSessionEndedIsRefusedAndSignsNothing() throws Exception {
        Path devnetDir = dir.resolve("devnet");
        java.nio.file.Files.createDirectories(devnetDir);
        try (Devnet devnet = Devnet.start(DevnetConfig.defaults(devnetDir).withBundler(false), m -> System.err.println("[private devnet] " + m));
             Keystore ks = WalletFixture.keystore(dir);
             ChainConnection chain = ChainConnection.open(WalletFixture.profile(devnet))) {
            assertThat(chain.profile().submission()).isInstanceOf(Submission.Direct.class);
            AccountService accounts = new AccountService(ks, chain);
            accounts.create(Optional.empty(), 0, "");
            Sessions.Account account = accounts.resolve(Optional.empty());
            new AccountDeployer(ks, chain).fund(account, BigDecimal.ONE, new BigDecimal("1000"), null, null);
            SessionService sessions = new SessionService(ks, chain, Clock.systemUTC());
            CreatedSession s = sessions.create(account, new SessionRequest.FromTemplate(new SessionTemplate.UniswapSwap("USDC", "WETH", 500,
                    BigInteger.valueOf(100_000_000L), BigInteger.valueOf(200_000_000L)), 1));
            sessions.approve(sessions.find(s.permissionId().hex()), WalletFixture.PASSWORD.clone());

            try (SignerHost host = SignerHost.start(ks, chain, SoftLimits.NONE)) {
                TradeService trades = new TradeService(ks, chain, host);
                TradeResult first = trades.await(trades.submitSwap(account, new SwapIntent("USDC", "WETH", BigInteger.valueOf(10_000_000L), 50)),
                        OneClickTradingOnDevnetTest.WAIT);
                assertThat(first).as(first.toString()).isInstanceOf(TradeResult.Included.class);
            }
            // A day passes while the wallet is closed (the signer's head snapshot is refreshed twice a second, so a
            // jump of a day under a running signer would be seen a moment late; real chains do not jump).
            devnet.client().rpc().call("evm_increaseTime", 86_400 + 60);
            devnet.client().rpc().call("evm_mine");
            assertThat(sessions.show(ks.sessions().get(s.permissionId().bytes())).state()).isEqualTo(SessionView.State.EXPIRED);

            try (SignerHost host = SignerHost.start(ks, chain, SoftLimits.NONE)) {
                TradeService trades = new TradeService(ks, chain, host);
                List<BudgetEntry> ledger = ks.sessions().budget(s.permissionId().bytes());
                long seq = OneClickTradingOnDevnetTest.laneSequence(chain, s.account(), s.permissionId());
                TradeResult late = trades.await(trades.submitSwap(account, new SwapIntent("USDC", "WETH", BigInteger.valueOf(10_000_000L), 50)),
                        OneClickTradingOnDevnetTest.WAIT);
                assertThat(late).isInstanceOfSatisfying(TradeResult.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo("session-expired");
                    assertThat(r.message()).startsWith("session ended at " + s.validUntil());
                });
                assertThat(ks.journal().open()).isEmpty();
                assertThat(ks.sessions().budget(s.permissionId().bytes())).usingRecursiveFieldByFieldElementComparator().isEqualTo(ledger);
                assertThat(OneClickTradingOnDevnetTest.laneSequence(chain, s.account(), s.permissionId())).isEqualTo(seq);
            }
            // The chain is now a day ahead of this computer's clock: a new session would already be over.
            assertThatThrownBy(() -> sessions.create(account, new SessionRequest.FromTemplate(new SessionTemplate.UniswapSwap("USDC", "WETH",
                    500, BigInteger.ONE, BigInteger.ONE), 1))).isInstanceOf(WalletException.class)
                    .hasMessageContaining("is the chain's clock far ahead of this computer's?");
            assertThat(ks.keys().sessionKeys()).hasSize(1);
        }
    }
}
