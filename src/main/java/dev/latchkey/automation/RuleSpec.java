package dev.latchkey.automation;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.UInt;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * What an automation does, with its trigger. Tokens are network symbols, amounts raw units, prices the human price
 * of {@code base} in {@code quote} (e.g. WETH in USDC), times unix seconds of chain time. Every rule is bound to one
 * session (stored beside the spec), which must cover every call the rule can make ({@link RuleValidator}).
 */
public sealed interface RuleSpec {

    /** Stored kind (the {@code automation_rule.kind} column). */
    String kind();

    /** BUY swaps quote → base when the price is at or below the level; SELL swaps base → quote at or above it. */
    enum Side { BUY, SELL }

    /** SEND transfers the token to a recipient; SWAP sells it for another token (dollar-cost averaging). */
    enum Mode { SEND, SWAP }

    /**
     * Limit order on the Uniswap pool {@code base}/{@code quote} of fee tier {@code fee}: {@code amount} is in the
     * token sold (quote for BUY, base for SELL). Fires once.
     */
    record LimitOrder(String base, String quote, int fee, Side side, BigInteger amount, BigDecimal price, int maxSlippageBps)
            implements RuleSpec {
        public LimitOrder {
            pair(base, quote);
            checkFee(fee);
            if (side == null) throw new FieldException("side", "buy or sell");
            positive("amount", amount);
            checkPrice("price", price);
            slippage(maxSlippageBps);
        }

        public String kind() { return "LIMIT_ORDER"; }

        public String sold() { return side == Side.BUY ? quote : base; }

        public String bought() { return side == Side.BUY ? base : quote; }
    }

    /**
     * Stop-loss and/or take-profit on a {@code base} position: sells up to {@code amount} of base for quote when the
     * price falls to {@code stopLoss} or rises to {@code takeProfit} (either may be null, not both). Fires once.
     */
    record StopOrder(String base, String quote, int fee, BigInteger amount, BigDecimal stopLoss, BigDecimal takeProfit,
                     int maxSlippageBps) implements RuleSpec {
        public StopOrder {
            pair(base, quote);
            checkFee(fee);
            positive("amount", amount);
            if (stopLoss == null && takeProfit == null) throw new FieldException("stopLoss", "give a stop-loss, a take-profit or both");
            if (stopLoss != null) checkPrice("stopLoss", stopLoss);
            if (takeProfit != null) checkPrice("takeProfit", takeProfit);
            if (stopLoss != null && takeProfit != null && stopLoss.compareTo(takeProfit) >= 0) {
                throw new FieldException("stopLoss", "must be below the take-profit (" + takeProfit.toPlainString() + ")");
            }
            slippage(maxSlippageBps);
        }

        public String kind() { return "STOP"; }
    }

    /**
     * Pays {@code amount} of {@code token} every {@code periodSeconds} from {@code start}: payment k is due at
     * {@code start + k·period}, for k below {@code maxPayments} (0 = no count limit) and due no later than
     * {@code end} (0 = no end); at least one of the two bounds is required. SEND goes to {@code recipient}; SWAP buys
     * {@code toToken} through the pool of tier {@code fee} with {@code maxSlippageBps}.
     */
    record RecurringPayment(Mode mode, String token, Address recipient, String toToken, int fee, BigInteger amount,
                            long periodSeconds, long start, long end, long maxPayments, int maxSlippageBps) implements RuleSpec {
        public RecurringPayment {
            if (mode == null) throw new FieldException("mode", "send or swap");
            symbol("token", token);
            if (mode == Mode.SEND) {
                if (recipient == null) throw new FieldException("to", "a SEND payment needs a recipient");
                if (toToken != null) throw new FieldException("swapTo", "a SEND payment has no token to buy");
            } else {
                symbol("swapTo", toToken);
                if (toToken.equalsIgnoreCase(token)) throw new FieldException("swapTo", "must differ from the token paid");
                if (recipient != null) throw new FieldException("to", "a SWAP payment buys for this account; no recipient");
                checkFee(fee);
                slippage(maxSlippageBps);
            }
            positive("amount", amount);
            if (periodSeconds < 1) throw new FieldException("every", "must be at least 1 s, got " + periodSeconds);
            UInt.check("start", start, 48);
            if (start == 0) throw new FieldException("start", "missing");
            if (end < 0 || (end != 0 && end < start)) throw new FieldException("end", "must be after the start");
            if (maxPayments < 0) throw new FieldException("count", "must not be negative");
            if (maxPayments == 0 && end == 0) throw new FieldException("count", "give a number of payments, an end, or both");
        }

        public String kind() { return "RECURRING"; }

        /** When payment {@code k} (0-based) is due. */
        public long dueAt(long k) {
            return start + k * periodSeconds;
        }

        /** The number of payments the rule makes in all. */
        public long totalPayments() {
            long byEnd = end == 0 ? Long.MAX_VALUE : (end - start) / periodSeconds + 1;
            return maxPayments == 0 ? byEnd : Math.min(maxPayments, byEnd);
        }
    }

    /**
     * Aave V3: when the health factor falls below {@code threshold}, repay variable-rate {@code asset} debt from the
     * account's {@code asset} balance, enough to bring it to {@code target}, at most {@code maxPerRepay} each time.
     */
    record AutoRepay(String asset, BigDecimal threshold, BigDecimal target, BigInteger maxPerRepay) implements RuleSpec {
        public AutoRepay {
            symbol("asset", asset);
            if (threshold == null || threshold.compareTo(BigDecimal.ONE) <= 0) {
                throw new FieldException("below", "the threshold must be above 1.0 (1.0 is liquidation)");
            }
            if (target == null || target.compareTo(threshold) <= 0) throw new FieldException("target", "must be above the threshold");
            if (target.compareTo(BigDecimal.valueOf(100)) > 0) throw new FieldException("target", "at most 100");
            if (target.scale() > 18 || threshold.scale() > 18) throw new FieldException("target", "a health factor has at most 18 decimals");
            positive("maxPerRepay", maxPerRepay);
        }

        public String kind() { return "AUTO_REPAY"; }
    }

    private static void pair(String base, String quote) {
        symbol("base", base);
        symbol("quote", quote);
        if (base.equalsIgnoreCase(quote)) throw new FieldException("pair", "base and quote must differ");
    }

    private static void symbol(String field, String s) {
        if (s == null || !s.toUpperCase(Locale.ROOT).matches("[A-Z0-9.]{1,16}")) throw new FieldException(field, "not a token symbol: " + s);
    }

    private static void checkFee(int fee) {
        if (fee != 100 && fee != 500 && fee != 3000 && fee != 10000) throw new FieldException("fee", "must be one of 100, 500, 3000, 10000, got " + fee);
    }

    private static void slippage(int bps) {
        if (bps < 0 || bps > 5000) throw new FieldException("maxSlippage", "must be 0–50% (0..5000 bps), got " + bps + " bps");
    }

    private static void positive(String field, BigInteger v) {
        UInt.check(field, v, 256);
        if (v.signum() == 0) throw new FieldException(field, "must be greater than 0");
    }

    /** Prices are stored and compared as typed; these bounds keep a stored rule small whatever was typed. */
    static final BigDecimal MAX_PRICE = BigDecimal.TEN.pow(30);
    static final int MAX_PRICE_DIGITS = 36;

    private static void checkPrice(String field, BigDecimal p) {
        if (p == null || p.signum() <= 0) throw new FieldException(field, "must be a positive price");
        if (p.compareTo(MAX_PRICE) > 0) throw new FieldException(field, "at most 10^30");
        if (p.precision() > MAX_PRICE_DIGITS || p.scale() > MAX_PRICE_DIGITS) {
            throw new FieldException(field, "at most " + MAX_PRICE_DIGITS + " significant digits and " + MAX_PRICE_DIGITS + " decimals");
        }
    }
}
