package dev.latchkey.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.chain.Abi;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.keystore.BudgetEntry;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.build.AaveIntent;
import dev.latchkey.trade.build.BuiltTrade;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.generated.Uint192;

/**
 * Issue 05 acceptance on the devnet through the real Alto bundler, driven through the wallet services: account
 * created and deployed without an owner signature, the Uniswap template session approved once (the only owner
 * signature of that flow), 20 one-click swaps signed by the background signer (the first enables the session), refusals
 * with exact reasons that sign nothing and leave journal and ledger unchanged, and an Aave supply/borrow/repay cycle
 * under an Aave template session. Balances match the quotes within slippage; one activity decision row per trade.
 */
@ExtendWith(DevnetExtension.class)
class OneClickTradingOnDevnetTest {

    static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir Path dir;

    @Test
    void approveOnceThenTwentySwapsRefusalsAndAnAaveCycle(Devnet devnet) throws Exception {
        long started = System.nanoTime();
        try (Keystore ks = WalletFixture.keystore(dir); ChainConnection chain = ChainConnection.open(WalletFixture.profile(devnet))) {
            assertThat(chain.profile().submission()).isInstanceOf(Submission.Bundler.class);
            TradeNetwork n = chain.profile().tradeNetwork();
            Address usdc = n.token("t", "USDC").address();
            Address weth = n.token("t", "WETH").address();
            AccountService accounts = new AccountService(ks, chain);
            Address me = accounts.create(Optional.empty(), 0, "trading").address();
            Sessions.Account account = accounts.resolve(Optional.empty());
            new AccountDeployer(ks, chain).fund(account, new BigDecimal("2"), new BigDecimal("5000"), null, new BigDecimal("3"));

            SessionService sessions = new SessionService(ks, chain, Clock.systemUTC());
            CreatedSession swap = sessions.create(account, new SessionRequest.FromTemplate(new SessionTemplate.UniswapSwap("USDC", "WETH", 500,
                    usdc(500), usdc(2000)), 7));
            sessions.approve(sessions.find(swap.permissionId().hex()), WalletFixture.PASSWORD.clone());
            assertThat(ownerSignatures(ks)).isEqualTo(1);

            try (SignerHost host = SignerHost.start(ks, chain, SoftLimits.NONE)) {
                TradeService trades = new TradeService(ks, chain, host);
                List<String> intents = new ArrayList<>();

                // 20 one-click swaps of 90 USDC (1,800 of the 2,000 daily cap); the first one enables the session.
                for (int i = 0; i < 20; i++) {
                    BigInteger usdcBefore = WalletFixture.balance(chain, usdc, me);
                    BigInteger wethBefore = WalletFixture.balance(chain, weth, me);
                    BuiltTrade t = trades.previewSwap(account, new SwapIntent("USDC", "WETH", usdc(90), 50));
                    TradeResult r = trades.await(trades.submit(t), WAIT);
                    assertThat(r).as(r.toString()).isInstanceOfSatisfying(TradeResult.Included.class, inc -> assertThat(inc.success()).isTrue());
                    intents.add(r.intentId());
                    BigInteger received = WalletFixture.balance(chain, weth, me).subtract(wethBefore);
                    assertThat(received).as("swap %d: within slippage of the quote", i)
                            .isBetween(t.amountOutMinimum().orElseThrow(), t.quote().orElseThrow().amountOut());
                    assertThat(usdcBefore.subtract(WalletFixture.balance(chain, usdc, me))).isEqualTo(usdc(90));
                    if (i == 0) {
                        assertThat(ks.sessions().get(swap.permissionId().bytes()).status()).as("enabled by its first trade")
                                .isEqualTo(SessionStatus.ENABLED);
                    }
                }
                assertThat(ownerSignatures(ks)).as("20 trades, still only the one approval").isEqualTo(1);
                assertThat(laneSequence(chain, me, swap.permissionId())).isEqualTo(20);
                SessionView afterSwaps = sessions.show(ks.sessions().get(swap.permissionId().bytes()));
                assertThat(afterSwaps.state()).isEqualTo(SessionView.State.ENABLED);
                assertThat(afterSwaps.uses().orElseThrow().used()).isEqualTo(BigInteger.valueOf(20));
                assertThat(afterSwaps.spending()).singleElement().satisfies(s -> assertThat(s.spent()).isEqualTo(usdc(1800)));
                assertThat(ks.sessions().budget(swap.permissionId().bytes()).get(0).spentFinal()).isEqualTo(usdc(1800));

                // Refusals: exact reason, nothing signed, journal and ledger unchanged.
                Refusals refusals = new Refusals(ks, chain, trades, me, swap.permissionId());
                intents.add(refusals.expect(trades.previewSwap(account, new SwapIntent("USDC", "WETH", usdc(501), 50)),
                        "policy:rules[1].lessThanOrEqual"));
                intents.add(refusals.expect(trades.previewSwap(account, new SwapIntent("USDC", "WETH", usdc(250), 50)),
                        "policy:limit"));
                BuiltTrade honest = trades.previewSwap(account, new SwapIntent("USDC", "WETH", usdc(50), 50));
                intents.add(refusals.expect(toRecipient(honest, n, new Address("0x" + "be".repeat(20))), "policy:rules[3].equal"));
                intents.add(refusals.expect(trades.previewSwap(account, new SwapIntent("WETH", "USDC", new BigInteger("10000000000000000"), 50)),
                        "no-session"));

                // Aave: its own template session, approved once, then supply → borrow → repay by the signer.
                CreatedSession aave = sessions.create(account, new SessionRequest.FromTemplate(new SessionTemplate.AaveSupplyBorrowRepay("WETH",
                        eth("1"), eth("2"), "USDC", usdc(500), usdc(1000)), 7));
                sessions.approve(sessions.find(aave.permissionId().hex()), WalletFixture.PASSWORD.clone());
                for (AaveIntent a : List.of(new AaveIntent.Supply("WETH", eth("1")), new AaveIntent.Borrow("USDC", usdc(500)),
                        new AaveIntent.Repay("USDC", usdc(300)))) {
                    TradeResult r = trades.await(trades.submitAave(account, a), WAIT);
                    assertThat(r).as(r.toString()).isInstanceOfSatisfying(TradeResult.Included.class, inc -> assertThat(inc.success()).isTrue());
                    intents.add(r.intentId());
                }
                AavePosition position = accounts.show(Optional.empty()).aave().orElseThrow();
                Map<String, AavePosition.Reserve> reserves = position.reserves().stream()
                        .collect(Collectors.toMap(AavePosition.Reserve::symbol, r -> r));
                assertThat(reserves.get("WETH").supplied()).isBetween(eth("1"), eth("1.0001"));
                assertThat(reserves.get("USDC").borrowed()).isBetween(usdc(200), usdc(201));
                assertThat(position.healthFactor()).hasValueSatisfying(h -> assertThat(h).isGreaterThan(BigDecimal.TEN));
                assertThat(ks.sessions().get(aave.permissionId().bytes()).status()).isEqualTo(SessionStatus.ENABLED);

                // One decision row per trade: exactly one of signer.approved / signer.refused for every intent.
                Map<String, List<String>> decisions = new HashMap<>();
                for (ActivityLog.Entry e : ks.activity().recent(10_000)) {
                    if (e.kind().code().equals("signer.approved") || e.kind().code().equals("signer.refused")) {
                        decisions.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(e.kind().code());
                    }
                }
                assertThat(decisions.keySet()).containsExactlyInAnyOrderElementsOf(intents);
                assertThat(decisions.values()).allSatisfy(kinds -> assertThat(kinds).hasSize(1));
                assertThat(decisions.values().stream().filter(k -> k.get(0).equals("signer.refused"))).hasSize(4);
                assertThat(ownerSignatures(ks)).as("one approval per session, nothing else").isEqualTo(2);
            }
        }
        System.out.printf("[acceptance] account + 2 sessions + 20 swaps + 4 refusals + 3 Aave ops through Alto in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    /** The swap's calls with another recipient in exactInputSingle (what a buggy or malicious caller might hand in). */
    static BuiltTrade toRecipient(BuiltTrade t, TradeNetwork n, Address recipient) {
        Execution swap = t.calls().get(1);
        byte[] data = swap.callData().bytes();
        byte[] word = new byte[32];
        System.arraycopy(recipient.bytes(), 0, word, 12, 20);
        System.arraycopy(word, 0, data, 4 + 96, 32);
        List<Execution> calls = List.of(t.calls().get(0), new Execution(n.swapRouter02(), BigInteger.ZERO, HexBytes.of(data)));
        assertThat(Catalog.EXACT_INPUT_SINGLE.selector()).isEqualTo(dev.latchkey.session.model.Selector.ofCallData(data));
        return new BuiltTrade(t.account(), calls, Erc7579Execute.encode(calls), "swap to " + recipient, t.quote(), t.amountOutMinimum());
    }

    /** Submits a trade that must be refused and checks that nothing moved: journal, ledger, lane nonce. */
    record Refusals(Keystore ks, ChainConnection chain, TradeService trades, Address account, HexBytes pid) {
        String expect(BuiltTrade t, String reason) throws Exception {
            int journal = ks.journal().open().size() + closedRows();
            List<BudgetEntry> ledger = ks.sessions().budget(pid.bytes());
            long seq = laneSequence(chain, account, pid);
            TradeResult r = trades.await(trades.submit(t), WAIT);
            assertThat(r).as(t.description()).isInstanceOfSatisfying(TradeResult.Refused.class, ref -> assertThat(ref.reason()).isEqualTo(reason));
            System.out.println("[refusal] " + ((TradeResult.Refused) r).reason() + ": " + ((TradeResult.Refused) r).message());
            assertThat(ks.journal().open().size() + closedRows()).as("no journal row").isEqualTo(journal);
            assertThat(ks.sessions().budget(pid.bytes())).usingRecursiveFieldByFieldElementComparator().isEqualTo(ledger);
            assertThat(laneSequence(chain, account, pid)).as("nothing sent").isEqualTo(seq);
            return r.intentId();
        }

        private int closedRows() throws Exception {
            return (int) ks.activity().recent(10_000).stream().filter(e -> e.kind().code().equals("signer.approved")).count();
        }
    }

    /** The next sequence of the session's nonce lane (its 2D key) on the EntryPoint. */
    static long laneSequence(ChainConnection chain, Address account, HexBytes pid) {
        BigInteger key = NonceKeys.keyFor(AccountKind.LATCHKEY, chain.profile().smartSession())
                .or(new BigInteger(1, pid.slice(0, 4).bytes()));
        return Abi.word(chain.node().call(chain.profile().entryPoint().hex(), Abi.call("getNonce(address,uint192)",
                ChainReads.addr(account), new Uint192(key))), 0).longValue();
    }

    static long ownerSignatures(Keystore ks) throws Exception {
        return ApproveAndRevokeOnDevnetTest.ownerSignatures(ks);
    }

    static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }

    static BigInteger eth(String decimal) {
        return new BigDecimal(decimal).movePointRight(18).toBigIntegerExact();
    }
}
