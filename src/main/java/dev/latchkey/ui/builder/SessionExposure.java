package dev.latchkey.ui.builder;

import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The worst case a session allows, in one line ("at most 2,000 USDC per day (14,000 USDC in total) until 1 Dec
 * 2026 08:00; ETH value 0; gas at most 0.14 ETH"), and whether it is unrestricted. Computed from the session
 * itself, so the builder and the approve screen say the same thing.
 *
 * <p>Token outflows are the ERC-20 approve/transfer actions (a router or pool pulls only what was approved). Each
 * action's policies have their own on-chain budget (SmartSession keys them by action), so per-token bounds add up
 * over the actions on that token.
 */
public final class SessionExposure {

    private static final BigInteger PER_CALL_AMOUNT_OFFSET = BigInteger.valueOf(32); // approve/transfer amount word

    private SessionExposure() { }

    /** What makes a session unrestricted (shown in red, needs an explicit confirmation); empty when none. */
    public static List<String> unrestrictedReasons(WalletSession s, TradeNetwork network) {
        List<String> out = new ArrayList<>();
        for (Action a : s.actions()) {
            if (a.target().equals(ActionData.FALLBACK_TARGET)) {
                out.add(a.selector().equals(Selector.FALLBACK_SMART_SESSION) ? "may administer SmartSession itself"
                        : "may call ANY contract with any arguments");
            } else if (a.policies().stream().anyMatch(p -> p instanceof Policy.Sudo)) {
                out.add(name(a, network) + " with ANY arguments (no rules)");
            }
        }
        if (s.policies().stream().anyMatch(p -> p instanceof Policy.Sudo)) {
            out.add("no session-wide limits (no expiry, no operation cap)");
        }
        List<String> messages = signedMessageTypes(s);
        if (!messages.isEmpty()) {
            out.add("may sign " + String.join(", ", messages) + " messages, which no action rule limits"
                    + (s.signing().get().policies().stream().anyMatch(p -> p instanceof Policy.Sudo) || s.signing().get().policies().isEmpty()
                    ? " and no policy checks" : ""));
        }
        return out;
    }

    public static String line(WalletSession s, TradeNetwork network, ZoneId zone) {
        Window w = window(s);
        List<String> parts = new ArrayList<>();
        Map<Address, List<Action>> outflows = new LinkedHashMap<>();
        for (Action a : s.actions()) {
            if (SessionCompiler.TOKEN_OUTFLOWS.contains(a.selector()) && !a.target().equals(ActionData.FALLBACK_TARGET)) {
                outflows.computeIfAbsent(a.target(), k -> new ArrayList<>()).add(a);
            }
        }
        boolean anyCall = s.actions().stream().anyMatch(a -> a.target().equals(ActionData.FALLBACK_TARGET));
        if (anyCall) {
            parts.add("ANY token, ANY amount");
        }
        for (Map.Entry<Address, List<Action>> e : outflows.entrySet()) {
            parts.add(tokenBound(e.getKey(), e.getValue(), w, network));
        }
        // No signing policy we know bounds amounts: a signed Permit2 PermitSingle moves whatever the account approved.
        List<String> messages = signedMessageTypes(s);
        if (!messages.isEmpty()) parts.add("ANY amount through signed " + String.join(", ", messages) + " messages");
        String until = w.until == 0 ? "with no expiry" : "until " + when(w.until, zone);
        String head = parts.isEmpty() ? "no token outflow" : String.join("; ", parts);
        return head + " " + until + "; " + ethValue(s) + "; " + gas(s) + (s.permitErc4337Paymaster() ? "; a paymaster may pay" : "");
    }

    /** The EIP-712 content types the session key may sign for apps ("PermitSingle"); empty when it signs only userOps. */
    static List<String> signedMessageTypes(WalletSession s) {
        if (s.signing().isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (var c : s.signing().get().allowedContent()) {
            for (String n : c.contentNames()) {
                int paren = n.indexOf('(');
                String name = paren > 0 ? n.substring(0, paren) : n;
                String bounded = name.length() > 64 ? name.substring(0, 64) + "…" : name;
                if (!out.contains(bounded)) out.add(bounded);
            }
        }
        return out;
    }

    /** "1 Dec 2026 08:00 UTC" in {@code zone}. */
    public static String when(long epochSecond, ZoneId zone) {
        return DateTimeFormatter.ofPattern("d MMM yyyy HH:mm zzz", Locale.ENGLISH).withZone(zone).format(Instant.ofEpochSecond(epochSecond));
    }

    private static final java.util.regex.Pattern ISO_INSTANT = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    /** Replaces ISO-8601 instants in a review line ("valid from 2027-01-15T08:00:00Z …") by {@link #when} dates. */
    public static String readable(String line, ZoneId zone) {
        return ISO_INSTANT.matcher(line).replaceAll(m -> when(Instant.parse(m.group()).getEpochSecond(), zone));
    }

    private record Window(long after, long until) {
        long seconds() {
            return until == 0 ? 0 : until - after;
        }
    }

    private static Window window(WalletSession s) {
        return s.policies().stream().filter(p -> p instanceof Policy.TimeFrame).map(p -> (Policy.TimeFrame) p)
                .findFirst().map(t -> new Window(t.validAfter(), t.validUntil())).orElse(new Window(0, 0));
    }

    private static String tokenBound(Address token, List<Action> actions, Window w, TradeNetwork network) {
        Optional<Token> t = network.tokenAt(token);
        BigInteger perPeriod = BigInteger.ZERO;
        long period = 0;
        boolean everyActionPeriodic = true;
        BigInteger total = BigInteger.ZERO;
        BigInteger perCall = BigInteger.ZERO;
        boolean unbounded = false;
        boolean perCallUnbounded = false;
        for (Action a : actions) {
            Optional<BigInteger> cap = Optional.empty();
            Optional<BigInteger> actionPerPeriod = Optional.empty();
            Optional<BigInteger> callCap = Optional.empty();
            for (Policy p : a.policies()) {
                switch (p) {
                    case Policy.PeriodicSpendingLimit ps -> {
                        BigInteger amount = amountFor(ps.limits(), token);
                        actionPerPeriod = Optional.of(amount);
                        period = ps.period();
                        if (w.until != 0) {
                            long windows = Math.max(1, (w.seconds() + ps.period() - 1) / ps.period());
                            cap = min(cap, amount.multiply(BigInteger.valueOf(windows)));
                        }
                    }
                    case Policy.SpendingLimits sl -> cap = min(cap, amountFor(sl.limits(), token));
                    case Policy.UniversalAction u -> {
                        for (ParamRule r : u.rules()) {
                            if (r.calldataOffset().equals(PER_CALL_AMOUNT_OFFSET)) {
                                Optional<BigInteger> b = upperBound(r);
                                if (b.isPresent()) callCap = min(callCap, b.get());
                                if (r.usageLimit().isPresent()) cap = min(cap, r.usageLimit().get());
                            }
                        }
                    }
                    default -> { }
                }
            }
            if (actionPerPeriod.isPresent()) perPeriod = perPeriod.add(actionPerPeriod.get());
            else everyActionPeriodic = false;
            if (cap.isPresent()) total = total.add(cap.get());
            else unbounded = true;
            if (callCap.isPresent()) perCall = perCall.max(callCap.get());
            else perCallUnbounded = true;
        }
        String sym = t.map(Token::symbol).orElse("tokens of " + token.checksummed());
        if (everyActionPeriodic && period > 0) {
            String s = "at most " + amount(perPeriod, t) + " " + sym + " per " + period(period);
            List<String> extra = new ArrayList<>();
            if (!perCallUnbounded) extra.add(amount(perCall, t) + " per call");
            extra.add(unbounded ? "no total cap" : amount(total, t) + " in total");
            return s + " (" + String.join(", ", extra) + ")";
        }
        if (unbounded) {
            return "UNLIMITED " + sym + (perCallUnbounded ? "" : " (" + amount(perCall, t) + " per call, no total cap)");
        }
        return "at most " + amount(total, t) + " " + sym + " in total" + (perCallUnbounded ? "" : " (" + amount(perCall, t) + " per call)");
    }

    private static Optional<BigInteger> upperBound(ParamRule r) {
        BigInteger v = r.referenceValue();
        return switch (r.condition()) {
            case EQUAL, LESS_THAN_OR_EQUAL -> Optional.of(v);
            case LESS_THAN -> Optional.of(v.signum() == 0 ? v : v.subtract(BigInteger.ONE));
            case IN_RANGE -> Optional.of(v.and(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)));
            default -> Optional.empty();
        };
    }

    private static BigInteger amountFor(List<Policy.TokenLimit> limits, Address token) {
        return limits.stream().filter(l -> l.token().equals(token)).map(Policy.TokenLimit::amount).findFirst().orElse(BigInteger.ZERO);
    }

    private static Optional<BigInteger> min(Optional<BigInteger> a, BigInteger b) {
        return Optional.of(a.map(x -> x.min(b)).orElse(b));
    }

    private static String amount(BigInteger units, Optional<Token> t) {
        return t.map(x -> Amounts.format(units, x.decimals())).orElse(units.toString());
    }

    public static String period(long seconds) {
        if (seconds == 86_400) return "day";
        if (seconds == 7 * 86_400) return "week";
        if (seconds == 3_600) return "hour";
        if (seconds % 86_400 == 0) return seconds / 86_400 + " days";
        if (seconds % 3_600 == 0) return seconds / 3_600 + " hours";
        if (seconds % 60 == 0) return seconds / 60 + " minutes";
        return seconds + " s";
    }

    private static String ethValue(WalletSession s) {
        Optional<BigInteger> total = s.policies().stream().filter(p -> p instanceof Policy.ValueLimit).map(p -> ((Policy.ValueLimit) p).limit()).findFirst();
        BigInteger perCall = BigInteger.ZERO;
        boolean unbounded = false;
        for (Action a : s.actions()) {
            for (Policy p : a.policies()) {
                if (p instanceof Policy.UniversalAction u) perCall = perCall.max(u.valueLimitPerUse());
                if (p instanceof Policy.Sudo) unbounded = true;
            }
        }
        if (total.isPresent()) return "ETH value at most " + Amounts.format(total.get(), 18) + " ETH in total";
        if (unbounded) return "ETH value UNLIMITED";
        return perCall.signum() == 0 ? "ETH value 0" : "ETH value up to " + Amounts.format(perCall, 18) + " ETH per call";
    }

    private static String gas(WalletSession s) {
        return s.policies().stream().filter(p -> p instanceof Policy.GasCostLimit).map(p -> ((Policy.GasCostLimit) p).costLimit())
                .findFirst().map(g -> "gas at most " + Amounts.format(g, 18) + " ETH").orElse("gas cost not capped");
    }

    /** "USDC.approve", "SwapRouter02.exactInputSingle", or the address and selector when unknown. */
    static String name(Action a, TradeNetwork network) {
        String target = network.label(a.target()).orElse(a.target().checksummed());
        return target + "." + Catalog.bySelector(a.selector()).map(f -> f.name()).orElse(a.selector().hex());
    }
}
