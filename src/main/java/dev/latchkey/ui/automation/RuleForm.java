package dev.latchkey.ui.automation;

import dev.latchkey.automation.RuleSpec;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The automation forms: which fields each kind asks for, turning the typed text into a {@link RuleSpec}
 * (whole-token amounts become raw units with the token's decimals; periods are hours; a new recurring payment starts
 * at chain time), and back ({@link #prefill}) for "Edit". A field that does not parse names itself in the error.
 */
public final class RuleForm {

    /** A form field: its label and the hint shown in the empty box. */
    public enum Field {
        BASE("Token", "WETH"), QUOTE("Priced in", "USDC"), SIDE("Buy or sell", "buy / sell"), AMOUNT("Amount (whole tokens)", "1000"),
        PRICE("Price", "2800"), STOP_LOSS("Stop-loss price", "2500 (optional)"), TAKE_PROFIT("Take-profit price", "4000 (optional)"),
        FEE("Pool fee tier", "500"), SLIPPAGE("Max slippage %", "0.5"), MODE("Send or swap", "send / swap"), TOKEN("Pay in", "USDC"),
        RECIPIENT("Recipient", "0x…"), SWAP_TO("Buy token (swap)", "WETH"), EVERY_HOURS("Every (hours)", "24"),
        COUNT("Number of payments", "4"), ASSET("Debt asset", "USDC"), BELOW("Repay below health", "1.3"),
        TARGET("Back up to health", "1.6"), MAX_REPAY("Max per repayment", "500");

        private final String label;
        private final String hint;

        Field(String label, String hint) {
            this.label = label;
            this.hint = hint;
        }

        public String label() { return label; }
        public String hint() { return hint; }
    }

    /** The four kinds of rule the screen creates. */
    public enum Kind {
        LIMIT_ORDER("Limit order", List.of(Field.SIDE, Field.BASE, Field.QUOTE, Field.AMOUNT, Field.PRICE, Field.FEE, Field.SLIPPAGE)),
        STOP("Stop-loss / take-profit", List.of(Field.BASE, Field.QUOTE, Field.AMOUNT, Field.STOP_LOSS, Field.TAKE_PROFIT, Field.FEE,
                Field.SLIPPAGE)),
        RECURRING("Recurring payment", List.of(Field.MODE, Field.TOKEN, Field.AMOUNT, Field.RECIPIENT, Field.SWAP_TO, Field.EVERY_HOURS,
                Field.COUNT, Field.FEE, Field.SLIPPAGE)),
        AUTO_REPAY("Aave auto-repay", List.of(Field.ASSET, Field.BELOW, Field.TARGET, Field.MAX_REPAY));

        private final String title;
        private final List<Field> fields;

        Kind(String title, List<Field> fields) {
            this.title = title;
            this.fields = fields;
        }

        public String title() { return title; }
        public List<Field> fields() { return fields; }

        @Override
        public String toString() { return title; }
    }

    private RuleForm() { }

    /** A stored rule as the form shows it: its kind and the text of each of the kind's fields. */
    public record Prefill(Kind kind, Map<Field, String> values) { }

    /** The rule the filled-in form describes; {@code now} is chain time (a recurring payment's first one is due then). */
    public static RuleSpec spec(Kind kind, Map<Field, String> in, TradeNetwork network, long now) {
        return spec(kind, in, network, now, null);
    }

    /**
     * As {@link #spec(Kind, Map, TradeNetwork, long)} for an edit of {@code current}: a recurring payment keeps its
     * start and end (the payments already made count from that start), and its period when the hours were not
     * retyped (a period made on the command line need not be whole hours).
     */
    public static RuleSpec spec(Kind kind, Map<Field, String> in, TradeNetwork network, long now, RuleSpec current) {
        if (!(current instanceof RuleSpec.RecurringPayment was)) return newSpec(kind, in, network, now, 0, 0);
        boolean sameHours = in.getOrDefault(Field.EVERY_HOURS, "").trim().equals(hours(was.periodSeconds()));
        return newSpec(kind, in, network, was.start(), was.end(), sameHours ? was.periodSeconds() : 0);
    }

    /** The form filled in with {@code spec}, amounts in whole tokens: what "Edit" shows. */
    public static Prefill prefill(RuleSpec spec, TradeNetwork network) {
        Map<Field, String> v = new EnumMap<>(Field.class);
        Kind kind = switch (spec) {
            case RuleSpec.LimitOrder l -> {
                v.put(Field.SIDE, l.side().name().toLowerCase(Locale.ROOT));
                v.put(Field.BASE, l.base());
                v.put(Field.QUOTE, l.quote());
                v.put(Field.AMOUNT, whole(l.amount(), network, l.sold()));
                v.put(Field.PRICE, l.price().toPlainString());
                pool(v, l.fee(), l.maxSlippageBps());
                yield Kind.LIMIT_ORDER;
            }
            case RuleSpec.StopOrder o -> {
                v.put(Field.BASE, o.base());
                v.put(Field.QUOTE, o.quote());
                v.put(Field.AMOUNT, whole(o.amount(), network, o.base()));
                v.put(Field.STOP_LOSS, o.stopLoss() == null ? "" : o.stopLoss().toPlainString());
                v.put(Field.TAKE_PROFIT, o.takeProfit() == null ? "" : o.takeProfit().toPlainString());
                pool(v, o.fee(), o.maxSlippageBps());
                yield Kind.STOP;
            }
            case RuleSpec.RecurringPayment r -> {
                boolean send = r.mode() == RuleSpec.Mode.SEND;
                v.put(Field.MODE, send ? "send" : "swap");
                v.put(Field.TOKEN, r.token());
                v.put(Field.AMOUNT, whole(r.amount(), network, r.token()));
                v.put(Field.RECIPIENT, send ? r.recipient().checksummed() : "");
                v.put(Field.SWAP_TO, send ? "" : r.toToken());
                v.put(Field.EVERY_HOURS, hours(r.periodSeconds()));
                v.put(Field.COUNT, Long.toString(r.maxPayments()));
                if (send) {
                    v.put(Field.FEE, "");
                    v.put(Field.SLIPPAGE, "");
                } else {
                    pool(v, r.fee(), r.maxSlippageBps());
                }
                yield Kind.RECURRING;
            }
            case RuleSpec.AutoRepay a -> {
                v.put(Field.ASSET, a.asset());
                v.put(Field.BELOW, a.threshold().toPlainString());
                v.put(Field.TARGET, a.target().toPlainString());
                v.put(Field.MAX_REPAY, whole(a.maxPerRepay(), network, a.asset()));
                yield Kind.AUTO_REPAY;
            }
        };
        return new Prefill(kind, v);
    }

    private static void pool(Map<Field, String> v, int fee, int slippageBps) {
        v.put(Field.FEE, Integer.toString(fee));
        v.put(Field.SLIPPAGE, BigDecimal.valueOf(slippageBps, 2).stripTrailingZeros().toPlainString());
    }

    private static String whole(BigInteger raw, TradeNetwork network, String symbol) {
        return new BigDecimal(raw).movePointLeft(network.token("token", symbol).decimals()).stripTrailingZeros().toPlainString();
    }

    /** Hours as the form shows them (rounded to 4 decimals when a period is not a whole number of 0.0001 h). */
    static String hours(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * A recurring payment gets {@code start} and {@code end} (0 = none); {@code keptPeriod} (0 = none) stands for the
     * hours field when it still shows the edited rule's period.
     */
    private static RuleSpec newSpec(Kind kind, Map<Field, String> in, TradeNetwork network, long start, long end, long keptPeriod) {
        return switch (kind) {
            case LIMIT_ORDER -> {
                RuleSpec.Side side = side(text(in, Field.SIDE));
                String base = symbol(in, Field.BASE);
                String quote = symbol(in, Field.QUOTE);
                yield new RuleSpec.LimitOrder(base, quote, fee(in), side, raw(in, Field.AMOUNT, network, side == RuleSpec.Side.BUY ? quote : base),
                        decimal(in, Field.PRICE), slippage(in));
            }
            case STOP -> {
                String base = symbol(in, Field.BASE);
                yield new RuleSpec.StopOrder(base, symbol(in, Field.QUOTE), fee(in), raw(in, Field.AMOUNT, network, base),
                        optionalDecimal(in, Field.STOP_LOSS), optionalDecimal(in, Field.TAKE_PROFIT), slippage(in));
            }
            case RECURRING -> {
                RuleSpec.Mode mode = switch (text(in, Field.MODE).toLowerCase(Locale.ROOT)) {
                    case "send" -> RuleSpec.Mode.SEND;
                    case "swap" -> RuleSpec.Mode.SWAP;
                    default -> throw new FieldException(Field.MODE.label(), "type send or swap");
                };
                String token = symbol(in, Field.TOKEN);
                boolean send = mode == RuleSpec.Mode.SEND;
                Address to = send ? Address.parse(Field.RECIPIENT.label(), text(in, Field.RECIPIENT)) : null;
                yield new RuleSpec.RecurringPayment(mode, token, to, send ? null : symbol(in, Field.SWAP_TO), send ? 0 : fee(in),
                        raw(in, Field.AMOUNT, network, token), keptPeriod > 0 ? keptPeriod : periodSeconds(in), start, end, whole(in, Field.COUNT), send ? 0 : slippage(in));
            }
            case AUTO_REPAY -> {
                String asset = symbol(in, Field.ASSET);
                yield new RuleSpec.AutoRepay(asset, decimal(in, Field.BELOW), decimal(in, Field.TARGET), raw(in, Field.MAX_REPAY, network, asset));
            }
        };
    }

    private static String text(Map<Field, String> in, Field f) {
        String t = in.getOrDefault(f, "").trim();
        if (t.isEmpty()) throw new FieldException(f.label(), "required");
        return t;
    }

    private static String symbol(Map<Field, String> in, Field f) {
        return text(in, f).toUpperCase(Locale.ROOT);
    }

    private static RuleSpec.Side side(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "buy" -> RuleSpec.Side.BUY;
            case "sell" -> RuleSpec.Side.SELL;
            default -> throw new FieldException(Field.SIDE.label(), "type buy or sell");
        };
    }

    private static BigDecimal decimal(Map<Field, String> in, Field f) {
        return dev.latchkey.session.model.NumberText.decimal(f.label(), text(in, f));
    }

    private static BigDecimal optionalDecimal(Map<Field, String> in, Field f) {
        return in.getOrDefault(f, "").isBlank() ? null : decimal(in, f);
    }

    private static long whole(Map<Field, String> in, Field f) {
        try {
            return decimal(in, f).longValueExact();
        } catch (ArithmeticException e) {
            throw new FieldException(f.label(), "must be a whole number");
        }
    }

    private static long periodSeconds(Map<Field, String> in) {
        try {
            return decimal(in, Field.EVERY_HOURS).multiply(BigDecimal.valueOf(3600)).longValueExact();
        } catch (ArithmeticException e) {
            throw new FieldException(Field.EVERY_HOURS.label(), "must come to whole seconds (e.g. 24 or 0.5)");
        }
    }

    private static int fee(Map<Field, String> in) {
        return in.getOrDefault(Field.FEE, "").isBlank() ? 500 : (int) whole(in, Field.FEE);
    }

    private static int slippage(Map<Field, String> in) {
        if (in.getOrDefault(Field.SLIPPAGE, "").isBlank()) return 50;
        try {
            return decimal(in, Field.SLIPPAGE).movePointRight(2).intValueExact();
        } catch (ArithmeticException e) {
            throw new FieldException(Field.SLIPPAGE.label(), "at most two decimals (0.01 % steps)");
        }
    }

    private static BigInteger raw(Map<Field, String> in, Field f, TradeNetwork network, String symbol) {
        int decimals = network.token(f.label(), symbol).decimals();
        try {
            return decimal(in, f).movePointRight(decimals).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new FieldException(f.label(), symbol + " has " + decimals + " decimals");
        }
    }
}
