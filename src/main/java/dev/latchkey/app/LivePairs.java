package dev.latchkey.app;

import dev.latchkey.automation.PriceLevel;
import dev.latchkey.automation.rpc.RpcChainReader;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.TxReceipt;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.ui.trade.PairPort;
import dev.latchkey.ui.trade.TradePort;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link PairPort} over the workspace: ERC-20 {@code balanceOf} of the account, the pool's {@code slot0} price, the
 * {@code Transfer} logs of a trade's transaction, and the pair picked last in the wallet's settings.
 */
final class LivePairs implements PairPort {

    /** The wallet setting that remembers the Trade screen's pair (its label). */
    static final String LAST_PAIR = "ui.trade.pair";
    private static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LivePairs.class);

    private final LiveWorkspace workspace;

    LivePairs(LiveWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public PairState state(TradePort.Pair pair) throws Exception {
        WalletWorkspace w = workspace.current();
        EvmClient node = w.chain().node();
        String account = w.account().address();
        Optional<BigDecimal> price = Optional.empty();
        String source = "";
        try {
            TradeNetwork n = w.profile().tradeNetwork();
            RpcChainReader reader = new RpcChainReader(node, n.quoterV2(), n.aavePool());
            var pool = reader.pool(pair.base().address(), pair.quote().address(), pair.fee());
            BigInteger block = node.blockNumber();
            price = Optional.of(PriceLevel.price(reader.sqrtPriceX96(pool.address()), pool.token0().equals(pair.base().address()),
                    pair.base().decimals(), pair.quote().decimals()));
            source = "Uniswap pool price, block " + String.format(Locale.ROOT, "%,d", block);
        } catch (RuntimeException e) {
            LOG.debug("no pool price for {}: {}", pair.label(), e.getMessage());
        }
        return new PairState(balance(node, pair.base(), account), balance(node, pair.quote(), account), price, source);
    }

    @Override
    public CompletableFuture<Optional<BigInteger>> received(String transactionHash, Token token) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                WalletWorkspace w = workspace.current();
                TxReceipt receipt = w.chain().node().waitForReceipt(transactionHash);
                String to = topic(w.account().address());
                BigInteger sum = BigInteger.ZERO;
                for (TxReceipt.Log log : receipt.logs()) {
                    if (log.address().equalsIgnoreCase(token.address().hex()) && log.topics().size() == 3
                            && log.topics().get(0).equalsIgnoreCase(TRANSFER) && log.topics().get(2).equalsIgnoreCase(to)) {
                        sum = sum.add(new BigInteger(log.data().substring(2), 16));
                    }
                }
                return Optional.of(sum);
            } catch (Exception e) {
                LOG.info("could not read what {} delivered: {}", transactionHash, e.getMessage());
                return Optional.<BigInteger>empty();
            }
        }, workspace.background());
    }

    @Override
    public Optional<String> lastPair() throws Exception {
        return Optional.ofNullable(workspace.current().keystore().settings().get(LAST_PAIR));
    }

    @Override
    public void rememberPair(String label) {
        workspace.background().execute(() -> {
            try {
                workspace.current().keystore().settings().put(LAST_PAIR, label);
            } catch (Exception e) {
                LOG.info("could not remember the pair {}: {}", label, e.getMessage());
            }
        });
    }

    private static Optional<BigInteger> balance(EvmClient node, Token token, String account) {
        try {
            return Optional.of(Abi.word(node.call(token.address().hex(), Abi.call("balanceOf(address)",
                    new org.web3j.abi.datatypes.Address(account))), 0));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String topic(String address) {
        return "0x" + "0".repeat(24) + address.substring(2).toLowerCase(Locale.ROOT);
    }
}
