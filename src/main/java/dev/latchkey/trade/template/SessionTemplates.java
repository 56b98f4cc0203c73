package dev.latchkey.trade.template;

import static dev.latchkey.trade.template.Rules.above;
import static dev.latchkey.trade.template.Rules.atMost;
import static dev.latchkey.trade.template.Rules.eq;

import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.OperationDeadlines;
import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.CatalogFunction;
import dev.latchkey.trade.catalog.Targets;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a template's session. Every session has: one ECDSA session key; user-operation policies TimeFrame
 * [validAfter, validAfter + days], UsageLimit (operations) and GasCostLimit; only explicit (target, selector)
 * actions, each with a UniAction (value 0 + argument rules), token outflows capped by a spending policy; no
 * fallback, no sudo, no ERC-1271 signing, no paymaster. {@link LeastPrivilege} re-checks all of that.
 */
public final class SessionTemplates {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final BigInteger ZERO = BigInteger.ZERO;

    private record Draft(List<Action> actions, String summary, String worstCase) { }

    private SessionTemplates() { }

    public static TemplateSession build(SessionTemplate template, SessionBounds bounds, TemplateContext ctx) {
        Draft d = switch (template) {
            case SessionTemplate.UniswapSwap s -> swap(s, bounds, ctx);
            case SessionTemplate.AaveRepayOnly r -> repayOnly(r, ctx);
            case SessionTemplate.AaveSupplyBorrowRepay a -> supplyBorrowRepay(a, ctx);
            case SessionTemplate.UsdcTransfer u -> usdcTransfer(u, ctx);
            case SessionTemplate.RecurringTransfer r -> recurringTransfer(r, ctx);
        };
        List<Policy> userOp = List.of(new Policy.TimeFrame(bounds.validUntil(), bounds.validAfter()),
                new Policy.UsageLimit(BigInteger.valueOf(bounds.maxOperations())), new Policy.GasCostLimit(bounds.maxGasCostWei()));
        WalletSession ws = OperationDeadlines.whereDeployed(new WalletSession(new Owners.Ecdsa(List.of(ctx.sessionKey()), 1,
                ctx.sessionValidator()), d.actions(), userOp, ctx.salt(), List.of(ctx.network().chainId()), Optional.empty(), false),
                ctx.policyAddresses());
        LeastPrivilege.check(ws, ctx.account(), ctx.network());
        OnchainSession on = SessionMapper.toOnchain(ws, ctx.policyAddresses());
        String until = WHEN.format(Instant.ofEpochSecond(bounds.validUntil()));
        String summary = d.summary() + " Valid " + WHEN.format(Instant.ofEpochSecond(bounds.validAfter())) + " to " + until
                + " (" + bounds.days() + (bounds.days() == 1 ? " day" : " days") + "), at most " + bounds.maxOperations() + " operations.";
        String worst = d.worstCase() + " until " + until + "; ETH value 0; gas at most " + Amounts.format(bounds.maxGasCostWei(), 18)
                + " ETH over at most " + bounds.maxOperations() + " operations";
        return new TemplateSession(template.id(), ws, on, Ids.permissionId(on), SessionAbi.encode(on), summary, worst);
    }

    /**
     * Daily cap: the account's outflow is authorised by {@code tokenIn.approve(router, amount)} — the router then
     * pulls exactly {@code amountIn} with transferFrom, which no session policy sees. So the PeriodicSpendingLimit sits
     * on the approve action (capped per call too), and the swap's {@code amountIn} rule repeats the per-trade cap and
     * adds the session total as its usage limit.
     */
    private static Draft swap(SessionTemplate.UniswapSwap s, SessionBounds b, TemplateContext ctx) {
        TradeNetwork n = ctx.network();
        Token in = n.token("from", s.from());
        Token out = n.token("to", s.to());
        BigInteger total = s.maxPerDay().multiply(BigInteger.valueOf(b.days()));
        Action approve = approve(in, n.swapRouter02(), s.maxPerTrade(), s.maxPerDay());
        Action swap = new Action(n.swapRouter02(), Catalog.EXACT_INPUT_SINGLE.selector(), List.of(new Policy.UniversalAction(ZERO, List.of(
                eq(Catalog.EXACT_INPUT_SINGLE, "tokenIn", in.address()),
                eq(Catalog.EXACT_INPUT_SINGLE, "tokenOut", out.address()),
                eq(Catalog.EXACT_INPUT_SINGLE, "fee", BigInteger.valueOf(s.fee())),
                eq(Catalog.EXACT_INPUT_SINGLE, "recipient", ctx.account()),
                atMost(Catalog.EXACT_INPUT_SINGLE, "amountIn", s.maxPerTrade(), total),
                above(Catalog.EXACT_INPUT_SINGLE, "amountOutMinimum", ZERO)))));
        String pool = new BigDecimal(BigInteger.valueOf(s.fee()), 4).stripTrailingZeros().toPlainString() + "%";
        return new Draft(List.of(approve, swap),
                "Swap " + in.symbol() + " → " + out.symbol() + " on Uniswap V3 (SwapRouter02, " + pool + " pool), at most "
                        + Amounts.format(s.maxPerTrade(), in) + " per trade and " + Amounts.format(s.maxPerDay(), in)
                        + " per day; the output always goes to this account.",
                "at most " + Amounts.format(s.maxPerDay(), in) + " per day (" + Amounts.format(s.maxPerTrade(), in) + " per trade, "
                        + Amounts.format(total, in) + " in total), only into " + out.symbol() + " for this account,");
    }

    private static Draft repayOnly(SessionTemplate.AaveRepayOnly r, TemplateContext ctx) {
        TradeNetwork n = ctx.network();
        Token asset = n.token("asset", r.asset());
        return new Draft(List.of(approve(asset, n.aavePool(), r.maxPerRepay(), r.maxPerDay()), repay(asset, r.maxPerRepay(), ctx.account(), n)),
                "Aave V3: repay this account's variable-rate " + asset.symbol() + " debt only, at most " + Amounts.format(r.maxPerRepay(), asset)
                        + " per repayment and " + Amounts.format(r.maxPerDay(), asset) + " per day.",
                "at most " + Amounts.format(r.maxPerDay(), asset) + " per day (" + Amounts.format(r.maxPerRepay(), asset)
                        + " per repayment), only to repay this account's own debt,");
    }

    private static Draft supplyBorrowRepay(SessionTemplate.AaveSupplyBorrowRepay a, TemplateContext ctx) {
        TradeNetwork n = ctx.network();
        Token coll = n.token("collateral", a.collateral());
        Token debt = n.token("debt", a.debt());
        Address pool = n.aavePool();
        Address me = ctx.account();
        List<Action> actions = new ArrayList<>();
        actions.add(approve(coll, pool, a.maxSupplyPerTx(), a.maxSupplyPerDay()));
        actions.add(poolAction(pool, Catalog.SUPPLY, eq(Catalog.SUPPLY, "asset", coll.address()),
                atMost(Catalog.SUPPLY, "amount", a.maxSupplyPerTx()), eq(Catalog.SUPPLY, "onBehalfOf", me)));
        actions.add(poolAction(pool, Catalog.WITHDRAW, eq(Catalog.WITHDRAW, "asset", coll.address()),
                atMost(Catalog.WITHDRAW, "amount", a.maxSupplyPerTx()), eq(Catalog.WITHDRAW, "to", me)));
        actions.add(poolAction(pool, Catalog.BORROW, eq(Catalog.BORROW, "asset", debt.address()),
                atMost(Catalog.BORROW, "amount", a.maxBorrowPerTx(), a.maxBorrowTotal()),
                eq(Catalog.BORROW, "interestRateMode", Catalog.VARIABLE_RATE), eq(Catalog.BORROW, "onBehalfOf", me)));
        actions.add(approve(debt, pool, a.maxBorrowTotal(), a.maxBorrowTotal()));
        actions.add(repay(debt, a.maxBorrowTotal(), me, n));
        return new Draft(actions,
                "Aave V3 for this account only: supply and withdraw " + coll.symbol() + " (at most " + Amounts.format(a.maxSupplyPerTx(), coll)
                        + " each, " + Amounts.format(a.maxSupplyPerDay(), coll) + " supplied per day); borrow " + debt.symbol()
                        + " at variable rate (at most " + Amounts.format(a.maxBorrowPerTx(), debt) + " each, "
                        + Amounts.format(a.maxBorrowTotal(), debt) + " in total) and repay it.",
                "at most " + Amounts.format(a.maxSupplyPerDay(), coll) + " per day supplied as collateral (withdrawals only back to this account); at most "
                        + Amounts.format(a.maxBorrowTotal(), debt) + " of debt opened (liquidation risk on the collateral) and "
                        + Amounts.format(a.maxBorrowTotal(), debt) + " per day repaid,");
    }

    private static Draft usdcTransfer(SessionTemplate.UsdcTransfer u, TemplateContext ctx) {
        TradeNetwork n = ctx.network();
        Token usdc = n.token("token", "USDC");
        Targets.requireAllowed("recipient", u.recipient(), ctx.account(), n);
        if (n.label(u.recipient()).isPresent()) throw new FieldException("recipient", "is a protocol contract, not a payee");
        Action transfer = new Action(usdc.address(), Catalog.TRANSFER.selector(), List.of(
                new Policy.UniversalAction(ZERO, List.of(eq(Catalog.TRANSFER, "to", u.recipient()), atMost(Catalog.TRANSFER, "amount", u.maxPerTransfer()))),
                new Policy.SpendingLimits(List.of(new Policy.TokenLimit(usdc.address(), u.maxTotal())))));
        return new Draft(List.of(transfer),
                "Send USDC to " + u.recipient().checksummed() + " only, at most " + Amounts.format(u.maxPerTransfer(), usdc) + " per transfer and "
                        + Amounts.format(u.maxTotal(), usdc) + " in total.",
                "at most " + Amounts.format(u.maxTotal(), usdc) + " in total (" + Amounts.format(u.maxPerTransfer(), usdc)
                        + " per transfer), only to " + u.recipient().checksummed() + ",");
    }

    /**
     * A recurring payment needs a periodic cap on the paid token (the automation's on-chain guard of its schedule):
     * one period's amount per transfer and per epoch-aligned window, and a session total.
     */
    private static Draft recurringTransfer(SessionTemplate.RecurringTransfer r, TemplateContext ctx) {
        TradeNetwork n = ctx.network();
        Token token = n.token("token", r.token());
        Targets.requireAllowed("recipient", r.recipient(), ctx.account(), n);
        if (n.label(r.recipient()).isPresent()) throw new FieldException("recipient", "is a protocol contract, not a payee");
        Action transfer = new Action(token.address(), Catalog.TRANSFER.selector(), List.of(
                new Policy.UniversalAction(ZERO, List.of(eq(Catalog.TRANSFER, "to", r.recipient()), atMost(Catalog.TRANSFER, "amount", r.perPeriod()))),
                new Policy.PeriodicSpendingLimit(List.of(new Policy.TokenLimit(token.address(), r.perPeriod())), r.periodSeconds()),
                new Policy.SpendingLimits(List.of(new Policy.TokenLimit(token.address(), r.maxTotal())))));
        String every = period(r.periodSeconds());
        return new Draft(List.of(transfer),
                "Pay " + token.symbol() + " to " + r.recipient().checksummed() + " only, at most " + Amounts.format(r.perPeriod(), token)
                        + " per " + every + " and " + Amounts.format(r.maxTotal(), token) + " in total (for recurring payments).",
                "at most " + Amounts.format(r.perPeriod(), token) + " per " + every + " (" + Amounts.format(r.maxTotal(), token)
                        + " in total), only to " + r.recipient().checksummed() + ",");
    }

    private static String period(long seconds) {
        if (seconds % SessionBounds.DAY == 0) return seconds == SessionBounds.DAY ? "day" : seconds / SessionBounds.DAY + " days";
        return seconds % 3600 == 0 ? (seconds == 3600 ? "hour" : seconds / 3600 + " hours") : seconds + " s";
    }

    /** {@code token.approve(spender, amount ≤ perCall)} with a per-day PeriodicSpendingLimit on the token. */
    private static Action approve(Token token, Address spender, BigInteger perCall, BigInteger perDay) {
        return new Action(token.address(), Catalog.APPROVE.selector(), List.of(
                new Policy.UniversalAction(ZERO, List.of(eq(Catalog.APPROVE, "spender", spender), atMost(Catalog.APPROVE, "amount", perCall))),
                new Policy.PeriodicSpendingLimit(List.of(new Policy.TokenLimit(token.address(), perDay)), SessionBounds.DAY)));
    }

    private static Action repay(Token asset, BigInteger max, Address account, TradeNetwork n) {
        return poolAction(n.aavePool(), Catalog.REPAY, eq(Catalog.REPAY, "asset", asset.address()), atMost(Catalog.REPAY, "amount", max),
                eq(Catalog.REPAY, "interestRateMode", Catalog.VARIABLE_RATE), eq(Catalog.REPAY, "onBehalfOf", account));
    }

    private static Action poolAction(Address pool, CatalogFunction fn, ParamRule... rules) {
        return new Action(pool, fn.selector(), List.of(new Policy.UniversalAction(ZERO, List.of(rules))));
    }
}
