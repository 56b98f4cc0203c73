package dev.latchkey.ui.trade;

import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.build.AaveIntent;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.wallet.AavePosition;
import dev.latchkey.wallet.TradeResult;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The trade screen's service: markets, live quotes (QuoterV2 through the wallet's quote service), which session
 * covers a trade, and one-click submission to the background signer. Previews block (RPC) and are called off the
 * FX thread; submissions return at once and complete when the signer has decided (and the operation landed).
 */
public interface TradePort {

    Market market() throws Exception;

    SwapPreview previewSwap(SwapIntent intent) throws Exception;

    /** Quotes afresh, builds the calls and hands the intent to the signer. */
    CompletableFuture<TradeResult> swap(SwapIntent intent);

    AaveState aave() throws Exception;

    /** Which session would sign {@code intent}, or why none would. */
    Cover aaveCover(AaveIntent intent) throws Exception;

    CompletableFuture<TradeResult> aave(AaveIntent intent);

    /** The Uniswap pairs with a pool on this network, and the Aave reserves. */
    record Market(String network, List<Pair> pairs, List<Token> aaveAssets) {
        public Market {
            pairs = List.copyOf(pairs);
            aaveAssets = List.copyOf(aaveAssets);
        }
    }

    /** A pool: buy {@code base} with {@code quote}, or sell it for {@code quote}. */
    record Pair(Token base, Token quote, int fee) {
        /** "WETH / USDC · 0.05%". */
        public String label() {
            return base.symbol() + " / " + quote.symbol() + " · " + new java.math.BigDecimal(BigInteger.valueOf(fee), 4)
                    .stripTrailingZeros().toPlainString() + "%";
        }
    }

    /** A fresh quote for a swap and the session that would sign it. */
    record SwapPreview(Token in, Token out, BigInteger amountIn, BigInteger amountOut, BigInteger amountOutMinimum, Cover cover) {
    }

    /** The session that covers a trade (with whether it can sign now), or the reason each session does not. */
    record Cover(Optional<Covering> session, List<String> reasons) {
        public Cover {
            reasons = List.copyOf(reasons);
        }
    }

    /** {@code usable}: enabled, or approved and enabled by this trade; {@code note} says which, or what is missing. */
    record Covering(HexBytes permissionId, String label, boolean usable, String note) {
    }

    /** The account's Aave position and, per reserve, what the health-factor estimate needs. */
    record AaveState(AavePosition position, List<AaveAsset> assets) {
        public AaveState {
            assets = List.copyOf(assets);
        }
    }

    /** Oracle price (base currency, 8 decimals) and liquidation threshold (bps) of one reserve. */
    record AaveAsset(Token token, BigInteger priceBase8, int liquidationThresholdBps) {
    }
}
