package dev.latchkey.automation;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.build.AaveIntent;
import dev.latchkey.trade.build.BuiltTrade;
import dev.latchkey.trade.build.Quote;
import dev.latchkey.trade.build.QuoteSource;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.build.TradeBuilder;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.Targets;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigInteger;
import java.util.List;

/**
 * The calls a rule makes, built by the trade builders of 05: swaps quote QuoterV2 and derive
 * {@code amountOutMinimum} from the rule's max slippage; repays approve exactly the amount; payments transfer.
 * {@link #representative} builds the same shapes without a chain (a placeholder quote) for validation.
 */
final class RuleCalls {

    private static final QuoteSource PLACEHOLDER = r -> new Quote(r, BigInteger.TEN.pow(18), BigInteger.ONE.shiftLeft(96), 0,
            BigInteger.ZERO, 1);

    private final TradeNetwork network;
    private final TradeBuilder trades;
    private final TradeBuilder offline;

    RuleCalls(TradeNetwork network, QuoteSource quotes) {
        this.network = network;
        this.trades = new TradeBuilder(network, quotes);
        this.offline = new TradeBuilder(network, PLACEHOLDER);
    }

    /** A swap of {@code amount} (raw units of {@code from}) with a live quote. */
    BuiltTrade swap(Address account, String from, String to, BigInteger amount, int slippageBps, int fee) {
        return trades.swap(account, new SwapIntent(from, to, amount, slippageBps, fee));
    }

    BuiltTrade repay(Address account, String asset, BigInteger amount) {
        return trades.aave(account, new AaveIntent.Repay(asset, amount));
    }

    List<Execution> send(Address account, String token, Address recipient, BigInteger amount) {
        Address t = network.token("token", token).address();
        Targets.requireAllowed("recipient", recipient, account, network);
        return List.of(new Execution(Targets.requireAllowed("token", t, account, network), BigInteger.ZERO,
                Catalog.encode(Catalog.TRANSFER, recipient, amount)));
    }

    /** The calls one firing of {@code spec} makes, at {@code amount} (the largest the rule can ask for). */
    List<Execution> representative(RuleSpec spec, Address account) {
        return switch (spec) {
            case RuleSpec.LimitOrder l -> offline.swap(account, new SwapIntent(l.sold(), l.bought(), l.amount(), l.maxSlippageBps(), l.fee())).calls();
            case RuleSpec.StopOrder s -> offline.swap(account, new SwapIntent(s.base(), s.quote(), s.amount(), s.maxSlippageBps(), s.fee())).calls();
            case RuleSpec.RecurringPayment r -> r.mode() == RuleSpec.Mode.SEND ? send(account, r.token(), r.recipient(), r.amount())
                    : offline.swap(account, new SwapIntent(r.token(), r.toToken(), r.amount(), r.maxSlippageBps(), r.fee())).calls();
            case RuleSpec.AutoRepay a -> offline.aave(account, new AaveIntent.Repay(a.asset(), a.maxPerRepay())).calls();
        };
    }

    static HexBytes callData(List<Execution> calls) {
        return Erc7579Execute.encode(calls);
    }

    TradeNetwork network() {
        return network;
    }
}
