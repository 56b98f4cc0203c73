package dev.latchkey.cli;

import dev.latchkey.automation.RuleSpec;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The parameters of each kind of rule, one picocli mixin per kind, shared by {@code automation add <kind>} and
 * {@code automation edit <kind>} so the two take exactly the same options (docs/cli.md).
 */
sealed interface RuleOptions permits RuleOptions.LimitOrder, RuleOptions.Stop, RuleOptions.Recurring, RuleOptions.AutoRepay {

    String LIMIT_ORDER = "Buy BASE with QUOTE when the pool price falls to --price (buy), or sell BASE when it rises to it (sell).";
    String STOP = "Sell up to --amount of BASE for QUOTE when the price falls to --stop-loss or rises to --take-profit.";
    String RECURRING = "Send (--to) or swap (--swap-to) --amount of --token every --every, from --start, --count times and/or until"
            + " --end. The session needs a periodic spending limit on the token.";
    String AUTO_REPAY = "When the Aave health factor falls below --below, repay --asset debt to bring it to --target.";

    /** The stored kind these options build (the {@code automation_rule.kind} column). */
    String kind();

    /** The subcommand name of the kind ({@code limit-order}, ...). */
    String command();

    /**
     * The rule the options describe at chain time {@code now}; {@code current} is the rule being edited (null when
     * adding): a recurring payment keeps its start unless {@code --start} is given, so its payment numbering holds.
     */
    RuleSpec spec(TradeNetwork n, long now, RuleSpec current);

    /**
     * The default label of a new rule: its kind only. Labels are stored in plaintext (the list needs them while the
     * wallet is locked), so a default never repeats a sealed parameter (price, amount, pair, recipient).
     */
    String summary();

    final class LimitOrder implements RuleOptions {
        @Option(names = "--pair", required = true, paramLabel = "BASE/QUOTE", description = "e.g. WETH/USDC (price of WETH in USDC).")
        String pair;
        @Option(names = "--side", required = true, paramLabel = "buy|sell") String side;
        @Option(names = "--amount", required = true, paramLabel = "X", description = "Amount sold: QUOTE for buy, BASE for sell.") String amount;
        @Option(names = "--price", required = true, paramLabel = "P", converter = AsciiNumbers.Decimal.class) BigDecimal price;
        @Option(names = "--fee", defaultValue = "500", paramLabel = "TIER", converter = AsciiNumbers.Int.class) int fee;
        @Option(names = "--max-slippage", defaultValue = "0.5%", paramLabel = "P", description = "Below the quote at firing: 0.5%% or 50bps.")
        String slippage;

        public String kind() { return "LIMIT_ORDER"; }
        public String command() { return "limit-order"; }

        public RuleSpec spec(TradeNetwork n, long now, RuleSpec current) {
            String[] p = pair(pair);
            RuleSpec.Side s = side(side);
            String sold = s == RuleSpec.Side.BUY ? p[1] : p[0];
            return new RuleSpec.LimitOrder(p[0], p[1], fee, s, Amounts.toUnits("--amount", amount, n.token("--amount", sold)), price,
                    TradeCommand.bps(slippage));
        }

        public String summary() {
            return "limit order";
        }
    }

    final class Stop implements RuleOptions {
        @Option(names = "--pair", required = true, paramLabel = "BASE/QUOTE") String pair;
        @Option(names = "--amount", required = true, paramLabel = "X", description = "BASE to sell at most.") String amount;
        @Option(names = "--stop-loss", paramLabel = "P", converter = AsciiNumbers.Decimal.class) BigDecimal stopLoss;
        @Option(names = "--take-profit", paramLabel = "P", converter = AsciiNumbers.Decimal.class) BigDecimal takeProfit;
        @Option(names = "--fee", defaultValue = "500", paramLabel = "TIER", converter = AsciiNumbers.Int.class) int fee;
        @Option(names = "--max-slippage", defaultValue = "1%", paramLabel = "P") String slippage;

        public String kind() { return "STOP"; }
        public String command() { return "stop"; }

        public RuleSpec spec(TradeNetwork n, long now, RuleSpec current) {
            String[] p = pair(pair);
            return new RuleSpec.StopOrder(p[0], p[1], fee, Amounts.toUnits("--amount", amount, n.token("--amount", p[0])), stopLoss, takeProfit,
                    TradeCommand.bps(slippage));
        }

        public String summary() {
            return "stop order";
        }
    }

    final class Recurring implements RuleOptions {
        @Option(names = "--token", required = true) String token;
        @Option(names = "--amount", required = true, paramLabel = "X") String amount;
        @Option(names = "--every", required = true, paramLabel = "PERIOD", description = "60s, 15m, 1h, 1d or 1w.") String every;
        @Option(names = "--to", paramLabel = "ADDRESS") String to;
        @Option(names = "--swap-to", paramLabel = "TOKEN") String swapTo;
        @Option(names = "--start", paramLabel = "WHEN", description = "now, unix seconds or an ISO-8601 instant (chain time)."
                + " Default: now for add; the rule's own start for edit.")
        String start;
        @Option(names = "--end", paramLabel = "WHEN") String end;
        @Option(names = "--count", defaultValue = "0", paramLabel = "N", converter = AsciiNumbers.Long.class) long count;
        @Option(names = "--fee", defaultValue = "500", paramLabel = "TIER", converter = AsciiNumbers.Int.class) int fee;
        @Option(names = "--max-slippage", defaultValue = "0.5%", paramLabel = "P") String slippage;

        public String kind() { return "RECURRING"; }
        public String command() { return "recurring"; }

        public RuleSpec spec(TradeNetwork n, long now, RuleSpec current) {
            if ((to == null) == (swapTo == null)) throw new FieldException("--to", "give exactly one of --to (send) or --swap-to (swap)");
            RuleSpec.Mode mode = to != null ? RuleSpec.Mode.SEND : RuleSpec.Mode.SWAP;
            long from = start != null ? when("--start", start, now)
                    : current instanceof RuleSpec.RecurringPayment r ? r.start() : now;
            return new RuleSpec.RecurringPayment(mode, token.toUpperCase(Locale.ROOT), to == null ? null : Address.parse("--to", to),
                    swapTo == null ? null : swapTo.toUpperCase(Locale.ROOT), fee, Amounts.toUnits("--amount", amount, n.token("--token", token)),
                    period(every), from, end == null ? 0 : when("--end", end, now), count,
                    mode == RuleSpec.Mode.SWAP ? TradeCommand.bps(slippage) : 0);
        }

        public String summary() {
            return "recurring payment";
        }
    }

    final class AutoRepay implements RuleOptions {
        @Option(names = "--asset", required = true) String asset;
        @Option(names = "--below", required = true, paramLabel = "HF", converter = AsciiNumbers.Decimal.class) BigDecimal below;
        @Option(names = "--target", required = true, paramLabel = "HF", converter = AsciiNumbers.Decimal.class) BigDecimal target;
        @Option(names = "--max-per-repay", required = true, paramLabel = "X") String maxPerRepay;

        public String kind() { return "AUTO_REPAY"; }
        public String command() { return "auto-repay"; }

        public RuleSpec spec(TradeNetwork n, long now, RuleSpec current) {
            return new RuleSpec.AutoRepay(asset.toUpperCase(Locale.ROOT), below, target,
                    Amounts.toUnits("--max-per-repay", maxPerRepay, n.token("--asset", asset)));
        }

        public String summary() {
            return "auto-repay";
        }
    }

    /** The subcommand name of a stored kind, for messages. */
    static String command(String kind) {
        return switch (kind) {
            case "LIMIT_ORDER" -> "limit-order";
            case "STOP" -> "stop";
            case "RECURRING" -> "recurring";
            case "AUTO_REPAY" -> "auto-repay";
            default -> kind.toLowerCase(Locale.ROOT);
        };
    }

    static String[] pair(String text) {
        String[] p = text.toUpperCase(Locale.ROOT).split("/");
        if (p.length != 2) throw new FieldException("--pair", "expected BASE/QUOTE like WETH/USDC, got " + text);
        return p;
    }

    static RuleSpec.Side side(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "buy" -> RuleSpec.Side.BUY;
            case "sell" -> RuleSpec.Side.SELL;
            default -> throw new FieldException("--side", "buy or sell, got " + text);
        };
    }

    /** "60s", "15m", "1h", "1d", "1w" or plain seconds. */
    static long period(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("[0-9]{1,12}")) return Long.parseLong(t);
            if (!t.matches("[0-9]{1,9}[smhdw]")) throw new NumberFormatException(t);
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> n;
                case 'm' -> Duration.ofMinutes(n).toSeconds();
                case 'h' -> Duration.ofHours(n).toSeconds();
                case 'd' -> Duration.ofDays(n).toSeconds();
                case 'w' -> Duration.ofDays(7 * n).toSeconds();
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new FieldException("--every", "expected 60s, 15m, 1h, 1d or 1w, got " + text);
        }
    }

    static long when(String field, String text, long now) {
        String t = text.trim();
        if (t.equalsIgnoreCase("now")) return now;
        try {
            if (t.length() > 40) throw new NumberFormatException("too long");
            return t.matches("[0-9]{1,15}") ? Long.parseLong(t) : Instant.parse(t).getEpochSecond();
        } catch (RuntimeException e) {
            throw new FieldException(field, "expected now, unix seconds or an ISO-8601 instant, got " + text);
        }
    }
}
