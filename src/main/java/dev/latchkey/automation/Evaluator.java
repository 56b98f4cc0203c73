package dev.latchkey.automation;

import dev.latchkey.session.model.Address;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;

/** Decides, for one rule at one block, whether its trigger is met. Reads through the block's {@link Market}. */
final class Evaluator {

    private static final BigInteger WAD = BigInteger.TEN.pow(18);
    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    private final TradeNetwork network;
    private final RuleCalls calls;

    Evaluator(TradeNetwork network, RuleCalls calls) {
        this.network = network;
        this.calls = calls;
    }

    Verdict evaluate(LoadedRule r, Address account, Market m) {
        return switch (r.spec) {
            case RuleSpec.LimitOrder l -> limit(r, l, account, m);
            case RuleSpec.StopOrder s -> stop(r, s, account, m);
            case RuleSpec.RecurringPayment p -> recurring(r, p, account, m);
            case RuleSpec.AutoRepay a -> repay(a, account, m);
        };
    }

    private Verdict limit(LoadedRule r, RuleSpec.LimitOrder l, Address account, Market m) {
        Token base = network.token("base", l.base());
        Token quote = network.token("quote", l.quote());
        if (r.pool == null) {
            r.pool = m.pool(base.address(), quote.address(), l.fee());
            r.level = new PriceLevel(l.price(), r.baseIsToken0(base.address()), base.decimals(), quote.decimals());
        }
        int cmp = r.level.compare(m.sqrtSquared(r.pool.address()));
        boolean met = l.side() == RuleSpec.Side.BUY ? cmp <= 0 : cmp >= 0;
        String price = price(r, base, quote, m);
        if (!met) {
            return new Verdict.Wait(l.side() == RuleSpec.Side.BUY ? "price-above-level" : "price-below-level",
                    "price " + price + " " + l.quote() + ", " + (l.side() == RuleSpec.Side.BUY ? "waiting for ≤ " : "waiting for ≥ ") + l.price().toPlainString());
        }
        Token sold = network.token("sold", l.sold());
        BigInteger balance = m.balance(sold.address(), account);
        if (balance.compareTo(l.amount()) < 0) {
            return new Verdict.Skip("balance", "price " + price + " crossed " + l.price().toPlainString() + " but the balance is "
                    + Amounts.format(balance, sold) + ", below " + Amounts.format(l.amount(), sold));
        }
        return new Verdict.Fire(l.side().name().toLowerCase() + " limit: price " + price + " crossed " + l.price().toPlainString(),
                () -> calls.swap(account, l.sold(), l.bought(), l.amount(), l.maxSlippageBps(), l.fee()).calls());
    }

    private Verdict stop(LoadedRule r, RuleSpec.StopOrder s, Address account, Market m) {
        Token base = network.token("base", s.base());
        Token quote = network.token("quote", s.quote());
        if (r.pool == null) {
            r.pool = m.pool(base.address(), quote.address(), s.fee());
            boolean t0 = r.baseIsToken0(base.address());
            r.stopLoss = s.stopLoss() == null ? null : new PriceLevel(s.stopLoss(), t0, base.decimals(), quote.decimals());
            r.takeProfit = s.takeProfit() == null ? null : new PriceLevel(s.takeProfit(), t0, base.decimals(), quote.decimals());
        }
        BigInteger sq = m.sqrtSquared(r.pool.address());
        String price = price(r, base, quote, m);
        String why;
        if (r.stopLoss != null && r.stopLoss.compare(sq) <= 0) {
            why = "stop-loss: price " + price + " at or below " + s.stopLoss().toPlainString();
        } else if (r.takeProfit != null && r.takeProfit.compare(sq) >= 0) {
            why = "take-profit: price " + price + " at or above " + s.takeProfit().toPlainString();
        } else {
            return new Verdict.Wait("price-inside-band", "price " + price + " " + s.quote() + " between "
                    + (s.stopLoss() == null ? "-" : s.stopLoss().toPlainString()) + " and " + (s.takeProfit() == null ? "-" : s.takeProfit().toPlainString()));
        }
        BigInteger amount = m.balance(base.address(), account).min(s.amount());
        if (amount.signum() == 0) return new Verdict.Skip("no-position", why + ", but the account holds no " + s.base());
        return new Verdict.Fire(why + ", selling " + Amounts.format(amount, base),
                () -> calls.swap(account, s.base(), s.quote(), amount, s.maxSlippageBps(), s.fee()).calls());
    }

    private Verdict recurring(LoadedRule r, RuleSpec.RecurringPayment p, Address account, Market m) {
        long k = r.row.nextSeq();
        long total = p.totalPayments();
        if (k >= total) return new Verdict.Done("made all " + total + " payments");
        long due = p.dueAt(k);
        if (m.head.timestamp() < due) {
            return new Verdict.Wait("not-due", "payment " + (k + 1) + " of " + total + " due at " + Instant.ofEpochSecond(due));
        }
        Token token = network.token("token", p.token());
        BigInteger balance = m.balance(token.address(), account);
        if (balance.compareTo(p.amount()) < 0) {
            return new Verdict.Skip("balance", "payment " + (k + 1) + " is due but the balance is " + Amounts.format(balance, token));
        }
        String why = "payment " + (k + 1) + " of " + total + " (due " + Instant.ofEpochSecond(due) + ")";
        return new Verdict.Fire(why, () -> p.mode() == RuleSpec.Mode.SEND ? calls.send(account, p.token(), p.recipient(), p.amount())
                : calls.swap(account, p.token(), p.toToken(), p.amount(), p.maxSlippageBps(), p.fee()).calls());
    }

    private Verdict repay(RuleSpec.AutoRepay a, Address account, Market m) {
        ChainReader.AaveAccount acct = m.aave(account);
        if (acct.totalDebtBase().signum() == 0) return new Verdict.Wait("no-debt", "no Aave debt");
        BigInteger threshold = wad(a.threshold());
        String hf = new BigDecimal(acct.healthFactorWad()).movePointLeft(18).setScale(4, RoundingMode.DOWN).toPlainString();
        if (acct.healthFactorWad().compareTo(threshold) >= 0) {
            return new Verdict.Wait("healthy", "health factor " + hf + " ≥ " + a.threshold().toPlainString());
        }
        Token asset = network.token("asset", a.asset());
        BigInteger debtTarget = acct.totalCollateralBase().multiply(acct.liquidationThresholdBps()).multiply(WAD)
                .divide(BPS.multiply(wad(a.target())));
        BigInteger repayBase = acct.totalDebtBase().subtract(debtTarget);
        repayBase = repayBase.add(repayBase.divide(BigInteger.valueOf(200))).add(BigInteger.ONE); // +0.5 %: interest accrues until inclusion
        BigInteger price = m.assetPrice(asset.address());
        if (price.signum() == 0) return new Verdict.Skip("no-price", "the Aave oracle has no price for " + a.asset());
        BigInteger units = ceilDiv(repayBase.multiply(BigInteger.TEN.pow(asset.decimals())), price);
        BigInteger debt = m.debt(asset.address(), account);
        if (debt.signum() == 0) return new Verdict.Wait("no-debt-in-asset", "health factor " + hf + " but no variable " + a.asset() + " debt");
        BigInteger balance = m.balance(asset.address(), account);
        BigInteger amount = units.min(a.maxPerRepay()).min(debt).min(balance);
        if (amount.signum() == 0) return new Verdict.Skip("balance", "health factor " + hf + " below " + a.threshold().toPlainString()
                + " but the account holds no " + a.asset());
        String capped = amount.compareTo(units) < 0 ? " (needs " + Amounts.format(units, asset) + ", capped by "
                + (amount.equals(a.maxPerRepay()) ? "the per-repay limit" : amount.equals(debt) ? "the debt" : "the balance") + ")" : "";
        return new Verdict.Fire("health factor " + hf + " below " + a.threshold().toPlainString() + ": repay " + Amounts.format(amount, asset)
                + " toward " + a.target().toPlainString() + capped, () -> calls.repay(account, a.asset(), amount).calls());
    }

    private static String price(LoadedRule r, Token base, Token quote, Market m) {
        return m.priceText(r.pool.address(), r.baseIsToken0(base.address()), base.decimals(), quote.decimals());
    }

    private static BigInteger wad(BigDecimal d) {
        return d.movePointRight(18).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }
}
