package dev.latchkey.trade.template;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;

/** The session templates, least privilege by default. Amounts are raw token units; tokens are network symbols. */
public sealed interface SessionTemplate {

    /** The CLI name ({@code --template}). */
    String id();

    /**
     * Swap {@code from} → {@code to} (one direction) on SwapRouter02 {@code exactInputSingle} through the pool of
     * fee tier {@code fee}, at most {@code maxPerTrade} and {@code maxPerDay} of {@code from}, recipient = account.
     */
    record UniswapSwap(String from, String to, int fee, BigInteger maxPerTrade, BigInteger maxPerDay) implements SessionTemplate {
        public static final Set<Integer> FEE_TIERS = Set.of(100, 500, 3000, 10000);

        public UniswapSwap {
            symbol("from", from);
            symbol("to", to);
            if (from.equalsIgnoreCase(to)) throw new FieldException("to", "must differ from 'from' (" + from + ")");
            if (!FEE_TIERS.contains(fee)) throw new FieldException("fee", "must be one of 100, 500, 3000, 10000, got " + fee);
            positive("maxPerTrade", maxPerTrade);
            positive("maxPerDay", maxPerDay);
            if (maxPerTrade.compareTo(maxPerDay) > 0) throw new FieldException("maxPerTrade", "exceeds maxPerDay");
        }

        public String id() { return "uniswap-swap"; }
    }

    /** Repay the account's variable-rate {@code asset} debt on Aave, on behalf of the account only. */
    record AaveRepayOnly(String asset, BigInteger maxPerRepay, BigInteger maxPerDay) implements SessionTemplate {
        public AaveRepayOnly {
            symbol("asset", asset);
            positive("maxPerRepay", maxPerRepay);
            positive("maxPerDay", maxPerDay);
            if (maxPerRepay.compareTo(maxPerDay) > 0) throw new FieldException("maxPerRepay", "exceeds maxPerDay");
        }

        public String id() { return "aave-repay-only"; }
    }

    /**
     * Supply/withdraw {@code collateral} and borrow/repay {@code debt} (variable rate) on Aave, always for the
     * account: at most {@code maxSupplyPerTx} per supply or withdraw and {@code maxSupplyPerDay} supplied per day;
     * at most {@code maxBorrowPerTx} per borrow and {@code maxBorrowTotal} borrowed over the session (also the cap
     * per repay and of repayments per day).
     */
    record AaveSupplyBorrowRepay(String collateral, BigInteger maxSupplyPerTx, BigInteger maxSupplyPerDay, String debt,
            BigInteger maxBorrowPerTx, BigInteger maxBorrowTotal) implements SessionTemplate {
        public AaveSupplyBorrowRepay {
            symbol("collateral", collateral);
            symbol("debt", debt);
            if (collateral.equalsIgnoreCase(debt)) throw new FieldException("debt", "must differ from the collateral (" + collateral + ")");
            positive("maxSupplyPerTx", maxSupplyPerTx);
            positive("maxSupplyPerDay", maxSupplyPerDay);
            positive("maxBorrowPerTx", maxBorrowPerTx);
            positive("maxBorrowTotal", maxBorrowTotal);
            if (maxSupplyPerTx.compareTo(maxSupplyPerDay) > 0) throw new FieldException("maxSupplyPerTx", "exceeds maxSupplyPerDay");
            if (maxBorrowPerTx.compareTo(maxBorrowTotal) > 0) throw new FieldException("maxBorrowPerTx", "exceeds maxBorrowTotal");
        }

        public String id() { return "aave-supply-borrow-repay"; }
    }

    /** USDC transfers to one allowlisted {@code recipient}: at most {@code maxPerTransfer} each, {@code maxTotal} in all. */
    record UsdcTransfer(Address recipient, BigInteger maxPerTransfer, BigInteger maxTotal) implements SessionTemplate {
        public UsdcTransfer {
            if (recipient == null) throw new FieldException("recipient", "missing");
            positive("maxPerTransfer", maxPerTransfer);
            positive("maxTotal", maxTotal);
            if (maxPerTransfer.compareTo(maxTotal) > 0) throw new FieldException("maxPerTransfer", "exceeds maxTotal");
        }

        public String id() { return "usdc-transfer"; }
    }

    /**
     * A recurring payment's session: transfers of {@code token} to one allowlisted {@code recipient}, at most
     * {@code perPeriod} per transfer and per period of {@code periodSeconds} (a PeriodicSpendingLimit: the on-chain
     * guard of the schedule), {@code maxTotal} over the session.
     */
    record RecurringTransfer(String token, Address recipient, BigInteger perPeriod, long periodSeconds, BigInteger maxTotal)
            implements SessionTemplate {
        public RecurringTransfer {
            symbol("token", token);
            if (recipient == null) throw new FieldException("recipient", "missing");
            positive("perPeriod", perPeriod);
            positive("maxTotal", maxTotal);
            if (periodSeconds < 3600 || periodSeconds > 7 * 86_400L) {
                throw new FieldException("periodSeconds", "from one hour to one week, got " + periodSeconds + " s");
            }
            if (perPeriod.compareTo(maxTotal) > 0) throw new FieldException("perPeriod", "exceeds maxTotal");
        }

        public String id() { return "recurring-transfer"; }
    }

    private static void symbol(String field, String s) {
        if (s == null || s.isBlank()) throw new FieldException(field, "missing");
        if (!s.toUpperCase(Locale.ROOT).matches("[A-Z0-9.]{1,16}")) throw new FieldException(field, "not a token symbol: " + s);
    }

    private static void positive(String field, BigInteger v) {
        UInt.check(field, v, 128);
        if (v.signum() == 0) throw new FieldException(field, "must be greater than 0");
    }
}
