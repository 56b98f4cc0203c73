package dev.latchkey.trade.build;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.Targets;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Intent → calls → one {@code execute} callData. Swaps: quote from the {@link QuoteSource} (never from the
 * caller), {@code approve(router, amount)} of exactly the amount, then {@code exactInputSingle} with recipient =
 * account and {@code amountOutMinimum = ⌊quote × (10000 − slippageBps) / 10000⌋}. Aave: the account is always
 * {@code onBehalfOf}/{@code to}; supply and repay first approve exactly the amount to the Pool. SwapRouter02's
 * {@code exactInputSingle} has no deadline field: staleness is bounded by {@link Quote#quotedAt()} in the signer
 * and by the session's time frame.
 */
public final class TradeBuilder {

    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    private final TradeNetwork network;
    private final QuoteSource quotes;

    public TradeBuilder(TradeNetwork network, QuoteSource quotes) {
        this.network = network;
        this.quotes = quotes;
    }

    public BuiltTrade swap(Address account, SwapIntent intent) {
        Token in = network.token("from", intent.from());
        Token out = network.token("to", intent.to());
        QuoteRequest request = new QuoteRequest(in.address(), out.address(), intent.amount(), intent.fee());
        Quote quote = quotes.quoteExactInputSingle(request);
        if (quote == null || !request.equals(quote.request())) {
            throw new IllegalStateException("quote source answered a different request: " + (quote == null ? null : quote.request()));
        }
        if (quote.amountOut().signum() == 0) throw new FieldException("quote.amountOut", "0: no liquidity in the " + intent.fee() + " pool");
        BigInteger minOut = minimumOut(quote.amountOut(), intent.maxSlippageBps());
        if (minOut.signum() == 0) throw new FieldException("amount", "too small: the minimum output rounds down to 0");
        Address router = network.swapRouter02();
        List<Execution> calls = List.of(
                call(account, in.address(), Catalog.encode(Catalog.APPROVE, router, intent.amount())),
                call(account, router, Catalog.encode(Catalog.EXACT_INPUT_SINGLE, in.address(), out.address(), BigInteger.valueOf(intent.fee()),
                        account, intent.amount(), minOut, BigInteger.ZERO)));
        String description = "swap " + Amounts.format(intent.amount(), in) + " → at least " + Amounts.format(minOut, out) + " (quote "
                + Amounts.format(quote.amountOut(), out) + ", slippage " + intent.maxSlippageBps() + " bps)";
        return new BuiltTrade(account, calls, Erc7579Execute.encode(calls), description, Optional.of(quote), Optional.of(minOut));
    }

    /** {@code ⌊amountOut × (10000 − bps) / 10000⌋}. */
    public static BigInteger minimumOut(BigInteger amountOut, int slippageBps) {
        return amountOut.multiply(BPS.subtract(BigInteger.valueOf(slippageBps))).divide(BPS);
    }

    public BuiltTrade aave(Address account, AaveIntent intent) {
        Token asset = network.token("asset", intent.asset());
        Address pool = network.aavePool();
        BigInteger amount = intent.amount();
        Address a = asset.address();
        List<Execution> calls = switch (intent) {
            case AaveIntent.Supply s -> List.of(call(account, a, Catalog.encode(Catalog.APPROVE, pool, amount)),
                    call(account, pool, Catalog.encode(Catalog.SUPPLY, a, amount, account, BigInteger.ZERO)));
            case AaveIntent.Withdraw w -> List.of(call(account, pool, Catalog.encode(Catalog.WITHDRAW, a, amount, account)));
            case AaveIntent.Borrow b -> List.of(call(account, pool,
                    Catalog.encode(Catalog.BORROW, a, amount, Catalog.VARIABLE_RATE, BigInteger.ZERO, account)));
            case AaveIntent.Repay r -> List.of(call(account, a, Catalog.encode(Catalog.APPROVE, pool, amount)),
                    call(account, pool, Catalog.encode(Catalog.REPAY, a, amount, Catalog.VARIABLE_RATE, account)));
        };
        String verb = intent.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return new BuiltTrade(account, calls, Erc7579Execute.encode(calls), "aave " + verb + " " + Amounts.format(amount, asset),
                Optional.empty(), Optional.empty());
    }

    private Execution call(Address account, Address target, HexBytes data) {
        return new Execution(Targets.requireAllowed("target", target, account, network), BigInteger.ZERO, data);
    }
}
