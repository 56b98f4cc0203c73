package dev.latchkey.trade.template;

import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.Erc7739Context;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.model.UInt;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Signing;
import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.CatalogField;
import dev.latchkey.trade.catalog.CatalogFunction;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The session as the owner reviews it before the one approval (R13): each action as {@code Contract.function}
 * with its rules by argument name ({@code recipient == this account}, {@code amountIn ≤ 500 USDC}), then the
 * spending and user-operation limits, then what the key may sign besides user operations ({@link #SIGNING}) and
 * whether a paymaster may pay ({@link #PAYMASTER}) — every grant of the struct. Offsets are mapped back through the
 * catalog; an unknown one shows as such.
 */
public final class SessionReview {

    private SessionReview() { }

    public static List<String> lines(WalletSession s, TradeNetwork network, Address account) {
        List<String> out = new ArrayList<>();
        for (Policy p : s.policies()) out.add("operation: " + limit(p, network));
        for (Action a : s.actions()) {
            Optional<CatalogFunction> fn = Catalog.bySelector(a.selector());
            out.add(actionName(a, fn, network, account));
            for (Policy p : a.policies()) {
                if (p instanceof Policy.UniversalAction u) {
                    out.add("  native value ≤ " + Amounts.format(u.valueLimitPerUse(), 18) + " ETH");
                    for (ParamRule r : u.rules()) out.add("  " + rule(r, u, fn, a.target(), network, account));
                } else {
                    out.add("  " + limit(p, network));
                }
            }
        }
        out.add(signing(s, network));
        out.add(s.permitErc4337Paymaster()
                ? PAYMASTER + "ALLOWED: the session key may name any paymaster to pay its gas (a paymaster may charge the account in its own way)"
                : PAYMASTER + "not allowed (the account pays the session's gas itself)");
        return out;
    }

    /** Prefix of the one line about ERC-1271 / ERC-7739 message signing. */
    public static final String SIGNING = "signing: ";
    /** Prefix of the one line about {@code permitERC4337Paymaster}. */
    public static final String PAYMASTER = "paymaster: ";

    /**
     * What the session key may sign besides user operations. SmartSession accepts a nested EIP-712 message only when
     * its content type is enabled for the app's domain, and then asks only the 1271 policies; a sudo there lets the
     * key sign any such message (a Permit2 {@code PermitSingle} moves tokens past every action rule).
     */
    private static String signing(WalletSession s, TradeNetwork network) {
        if (s.signing().isEmpty()) return SIGNING + "no messages (the session key signs only user operations)";
        Signing g = s.signing().get();
        List<String> contents = new ArrayList<>();
        for (Erc7739Context c : g.allowedContent()) {
            for (String name : c.contentNames()) contents.add(typeName(name) + " for app domain " + c.appDomainSeparator());
        }
        if (contents.isEmpty()) return SIGNING + "no message types enabled (nothing can be signed)";
        String checks = g.policies().isEmpty() ? "NO policy (every such message is accepted)"
                : String.join(", ", g.policies().stream().map(p -> p instanceof Policy.Sudo
                        ? "SUDO: no policy checks what it signs" : limit(p, network)).toList());
        return SIGNING + "MAY SIGN MESSAGES for apps (ERC-1271 / ERC-7739), outside every action rule: "
                + String.join("; ", contents) + "; checked by " + checks;
    }

    /** "PermitSingle" of an EIP-712 content type "PermitSingle(PermitDetails details,…)…", bounded for display. */
    private static String typeName(String contentName) {
        int paren = contentName.indexOf('(');
        String name = paren > 0 ? contentName.substring(0, paren) : contentName;
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }

    private static String actionName(Action a, Optional<CatalogFunction> fn, TradeNetwork network, Address account) {
        if (a.target().equals(ActionData.FALLBACK_TARGET) && a.selector().equals(Selector.FALLBACK)) {
            return "ANY contract, ANY function (fallback action: every call no other action matches)";
        }
        if (a.target().equals(ActionData.FALLBACK_TARGET) && a.selector().equals(Selector.FALLBACK_SMART_SESSION)) {
            return "SmartSession itself (admin access: may enable, change and remove sessions of this account)";
        }
        return label(a.target(), network, account) + "." + fn.map(CatalogFunction::name).orElse(a.selector().hex());
    }

    private static String rule(ParamRule r, Policy.UniversalAction u, Optional<CatalogFunction> fn, Address target, TradeNetwork n, Address account) {
        Optional<CatalogField> f = fn.flatMap(x -> x.fields().stream().filter(y -> y.ruleSafe() && y.offset() == r.calldataOffset().longValue()).findFirst());
        String name = f.map(CatalogField::name).orElse("word at offset " + r.calldataOffset());
        String op = switch (r.condition()) {
            case EQUAL -> "==";
            case GREATER_THAN -> ">";
            case LESS_THAN -> "<";
            case GREATER_THAN_OR_EQUAL -> "≥";
            case LESS_THAN_OR_EQUAL -> "≤";
            case NOT_EQUAL -> "≠";
            case IN_RANGE -> "in";
        };
        Optional<Token> unit = f.flatMap(CatalogField::unitOf).flatMap(uo -> uo.equals("target") ? n.tokenAt(target) : pinnedToken(uo, u, fn.get(), n));
        String ref = value(r.referenceValue(), f, unit, n, account);
        if (r.condition() == ParamCondition.IN_RANGE) {
            BigInteger mask = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
            ref = "[" + value(r.referenceValue().shiftRight(128), f, unit, n, account) + ", " + value(r.referenceValue().and(mask), f, unit, n, account) + "]";
        }
        String total = r.usageLimit().map(l -> " (at most " + value(l, f, unit, n, account) + " in total)").orElse("");
        return name + " " + op + " " + ref + total;
    }

    /** The token an amount is denominated in, when another rule of the same policy pins that address field. */
    private static Optional<Token> pinnedToken(String field, Policy.UniversalAction u, CatalogFunction fn, TradeNetwork n) {
        long offset = fn.field(field).offset();
        return u.rules().stream().filter(r -> r.condition() == ParamCondition.EQUAL && r.calldataOffset().longValue() == offset)
                .findFirst().filter(r -> r.referenceValue().bitLength() <= 160)
                .flatMap(r -> n.tokenAt(Address.of(UInt.toBytes(r.referenceValue(), 20))));
    }

    private static String value(BigInteger v, Optional<CatalogField> f, Optional<Token> unit, TradeNetwork n, Address account) {
        if (f.isPresent() && f.get().type().equals("address") && v.bitLength() <= 160) return label(Address.of(UInt.toBytes(v, 20)), n, account);
        return unit.map(t -> Amounts.format(v, t)).orElse(v.toString());
    }

    private static String limit(Policy p, TradeNetwork n) {
        return switch (p) {
            case Policy.TimeFrame t -> "valid from " + Instant.ofEpochSecond(t.validAfter()) + " until "
                    + (t.validUntil() == 0 ? "forever" : Instant.ofEpochSecond(t.validUntil()));
            case Policy.UsageLimit u -> "at most " + u.limit() + " uses";
            case Policy.GasCostLimit g -> "gas cost at most " + Amounts.format(g.costLimit(), 18) + " ETH in total";
            case Policy.ValueLimit v -> "native value at most " + Amounts.format(v.limit(), 18) + " ETH in total";
            case Policy.RateLimit r -> "at most " + r.maxUses() + " uses per " + r.interval() + " s";
            case Policy.SpendingLimits s -> "spending at most " + String.join(", ", s.limits().stream().map(l -> tokenAmount(l, n)).toList()) + " in total";
            case Policy.PeriodicSpendingLimit ps -> "spending at most " + String.join(", ", ps.limits().stream().map(l -> tokenAmount(l, n)).toList())
                    + " per " + (ps.period() == SessionBounds.DAY ? "day" : ps.period() + " s");
            case Policy.OperationDeadline o -> "each operation expires " + dev.latchkey.session.engine.WindowClaim.OPERATION_LIFETIME_SECONDS / 60
                    + " minutes after it is signed";
            case Policy.Sudo x -> "SUDO: anything";
            case Policy.UniversalAction u -> "argument rules";
            case Policy.Custom c -> "unknown policy " + c.policy() + " (not checked locally)";
        };
    }

    private static String tokenAmount(Policy.TokenLimit l, TradeNetwork n) {
        return n.tokenAt(l.token()).map(t -> Amounts.format(l.amount(), t)).orElse(l.amount() + " of " + l.token());
    }

    private static String label(Address a, TradeNetwork n, Address account) {
        if (a.equals(account)) return "this account";
        return n.label(a).orElse(a.checksummed());
    }
}
