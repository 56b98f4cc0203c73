package dev.latchkey.cli;

import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.NumberText;
import dev.latchkey.trade.build.AaveIntent;
import dev.latchkey.trade.build.BuiltTrade;
import dev.latchkey.trade.build.RefusalText;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.wallet.AccountService;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.SignerHost;
import dev.latchkey.wallet.SoftLimitSettings;
import dev.latchkey.wallet.TradeResult;
import dev.latchkey.wallet.TradeService;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code latchkey trade ...}: one-click trades, signed by the background signer with a session key. */
@Command(name = "trade", mixinStandardHelpOptions = true,
        description = "One-click trades on Uniswap and Aave, signed by the background signer under a covering session.",
        subcommands = {TradeCommand.Swap.class, TradeCommand.Aave.class})
public final class TradeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Starts the signer for this command, hands it the trade, waits for the decision, prints it. */
    abstract static class TradeBase extends ChainCommand {
        @Option(names = "--account", paramLabel = "ADDR", description = "The account (default: the wallet's only one).")
        String account;

        @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for inclusion (default 120).", converter = AsciiNumbers.Long.class)
        long timeoutSeconds;

        abstract BuiltTrade build(TradeService trades, Sessions.Account account, TradeNetwork network);

        @Override
        boolean needsPassword() {
            return true;
        }

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
            Sessions.Account a = new AccountService(keystore, chain).resolve(Optional.ofNullable(account));
            try (SignerHost host = SignerHost.start(keystore, chain, SoftLimitSettings.live(keystore.settings(), chain.profile().tradeNetwork()))) {
                TradeService trades = new TradeService(keystore, chain, host);
                BuiltTrade trade = build(trades, a, chain.profile().tradeNetwork());
                TradeResult result = trades.await(trades.submit(trade), Duration.ofSeconds(timeoutSeconds));
                exitCode = switch (result) {
                    case TradeResult.Included i -> i.success() ? 0 : EXIT_ERROR;
                    case TradeResult.Refused r -> EXIT_REFUSED;
                    case TradeResult.Failed f -> EXIT_ERROR;
                    case TradeResult.Duplicate d -> 0;
                    case TradeResult.Unconfirmed u -> EXIT_ERROR; // not settled yet: a script must not take it as done
                };
                return describe(result, trade, chain.profile().tradeNetwork());
            }
        }

        private static Map<String, Object> describe(TradeResult result, BuiltTrade trade, TradeNetwork n) {
            Map<String, Object> out = Output.result();
            out.put("trade", result.description());
            trade.quote().ifPresent(q -> {
                Token to = n.tokenAt(q.request().tokenOut()).orElseThrow();
                out.put("quote", Views.plain(q.amountOut(), to.decimals()) + " " + to.symbol());
                trade.amountOutMinimum().ifPresent(m -> out.put("minimumOut", Views.plain(m, to.decimals()) + " " + to.symbol()));
            });
            out.put("intent", result.intentId());
            switch (result) {
                case TradeResult.Included i -> {
                    out.put("result", i.success() ? "included" : "included, but the account's call reverted");
                    out.put("userOpHash", i.userOpHash().hex());
                    out.put("transaction", i.transactionHash());
                    out.put("nonceSeq", i.nonceSeq());
                }
                case TradeResult.Refused r -> {
                    out.put("result", "refused");
                    out.put("reason", r.reason());
                    if (r.reason().startsWith("policy:")) {
                        // In the trade's terms, as the app shows it; the engine's exact words stay next to it.
                        out.put("message", new RefusalText(n).explain(r.message(), trade.calls()));
                        out.put("exactMessage", r.message());
                    } else {
                        out.put("message", r.message());
                    }
                }
                case TradeResult.Failed f -> {
                    out.put("result", "failed");
                    out.put("message", f.error());
                }
                case TradeResult.Unconfirmed u -> {
                    out.put("result", TradeResult.Unconfirmed.HEADLINE);
                    out.put("nonceSeq", u.nonceSeq());
                    out.put("message", "the signer keeps this operation's sequence until the chain uses it or it expires;"
                            + " `latchkey signer run` follows it to its end, and retrying never signs a second one");
                }
                case TradeResult.Duplicate d -> {
                    out.put("result", "duplicate");
                    out.put("journalState", d.journalState());
                }
            }
            return out;
        }
    }

    @Command(name = "swap", mixinStandardHelpOptions = true,
            description = "Swap an exact amount on Uniswap V3 at the on-chain QuoterV2 price, at most --max-slippage below it.")
    static final class Swap extends TradeBase {
        @Option(names = "--from", required = true, paramLabel = "SYMBOL", description = "Token to sell.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "SYMBOL", description = "Token to buy.")
        String to;

        @Option(names = "--amount", required = true, paramLabel = "X", description = "Exact amount of --from, in token units.")
        String amount;

        @Option(names = "--max-slippage", defaultValue = "0.5%", paramLabel = "P",
                description = "Below the quote: a percentage (0.5%% or 0.5) or basis points (50bps). Default 0.5%%.")
        String maxSlippage;

        @Option(names = "--fee", defaultValue = "500", description = "Pool fee tier (default 500 = 0.05%%).", converter = AsciiNumbers.Int.class)
        int fee;

        @Override
        BuiltTrade build(TradeService trades, Sessions.Account account, TradeNetwork n) {
            Token in = n.token("--from", from);
            BigInteger units = Amounts.toUnits("--amount", amount, in);
            return trades.previewSwap(account, new SwapIntent(in.symbol(), n.token("--to", to).symbol(), units, bps(maxSlippage), fee));
        }
    }

    @Command(name = "aave", mixinStandardHelpOptions = true,
            description = "Aave V3 on the account's own position: supply, withdraw, borrow or repay (variable rate).")
    static final class Aave extends TradeBase {
        @Parameters(index = "0", paramLabel = "ACTION", description = "supply, withdraw, borrow or repay.")
        String action;

        @Option(names = "--asset", required = true, paramLabel = "SYMBOL", description = "The reserve.")
        String asset;

        @Option(names = "--amount", required = true, paramLabel = "X", description = "Exact amount, in token units.")
        String amount;

        @Override
        BuiltTrade build(TradeService trades, Sessions.Account account, TradeNetwork n) {
            Token t = n.token("--asset", asset);
            BigInteger units = Amounts.toUnits("--amount", amount, t);
            AaveIntent intent = switch (action) {
                case "supply" -> new AaveIntent.Supply(t.symbol(), units);
                case "withdraw" -> new AaveIntent.Withdraw(t.symbol(), units);
                case "borrow" -> new AaveIntent.Borrow(t.symbol(), units);
                case "repay" -> new AaveIntent.Repay(t.symbol(), units);
                default -> throw new FieldException("ACTION", "expected supply, withdraw, borrow or repay, got " + action);
            };
            return trades.previewAave(account, intent);
        }
    }

    /** "0.5%" or "0.5" → 50 bps; "50bps" → 50. */
    static int bps(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("bps")) return (int) NumberText.whole("--max-slippage", t.substring(0, t.length() - 3).trim(), 0, 10_000);
            BigDecimal percent = NumberText.decimal("--max-slippage", t.endsWith("%") ? t.substring(0, t.length() - 1).trim() : t, BigDecimal.valueOf(100));
            return percent.movePointRight(2).intValueExact();
        } catch (FieldException | ArithmeticException e) {
            throw new FieldException("--max-slippage", "expected a percentage like 0.5% or basis points like 50bps, got " + text);
        }
    }
}
