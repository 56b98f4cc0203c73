package dev.latchkey.trade.build;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.Selector;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.CatalogField;
import dev.latchkey.trade.catalog.CatalogFunction;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the policy engine's refusal (exact, but in offsets, hex words and policy addresses) into a sentence about the
 * trade: "SwapRouter02.exactInputSingle: amountIn is 600 USDC; this session allows at most 500 USDC". What it cannot
 * parse keeps the engine's words, with addresses replaced by the names of the network's contracts and tokens.
 */
public final class RefusalText {

    private static final Pattern CALL = Pattern.compile("^call (\\d+): ");
    private static final Pattern RULE = Pattern.compile("argument at offset (\\d+) is 0x([0-9a-f]+), required (\\w+) 0x([0-9a-f]+)");
    private static final Pattern POLICY = Pattern.compile("[a-z-]+ policy 0x[0-9a-fA-F]{40} \\[[^\\]]*\\]: (rules\\[\\d+\\]: )?");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern PERIODIC = Pattern.compile("token (0x[0-9a-fA-F]{40}): (\\d+) this period, over the allowance (\\d+) per (\\d+) s"
            + " by \\d+(?:; the window opened at (\\d+))?");
    private static final Pattern SOFT_DAY = Pattern.compile("local limit maxTokenPerDay: token (0x[0-9a-fA-F]{40}) total today (\\d+) exceeds (\\d+)"
            + " by \\d+(?:; the day began at (\\d+))?");
    private static final Pattern SOFT_OP = Pattern.compile("local limit maxTokenPerOperation: token (0x[0-9a-fA-F]{40}) amount (\\d+) exceeds (\\d+)");

    private final TradeNetwork network;

    public RefusalText(TradeNetwork network) {
        this.network = network;
    }

    /** The engine's refusal {@code message} about {@code calls}, in words about the trade. */
    public String explain(String message, List<Execution> calls) {
        Matcher c = CALL.matcher(message);
        Optional<Execution> call = c.find() && Integer.parseInt(c.group(1)) < calls.size()
                ? Optional.of(calls.get(Integer.parseInt(c.group(1)))) : Optional.empty();
        Optional<CatalogFunction> fn = call.flatMap(x -> Catalog.bySelector(Selector.ofCallData(x.callData().unsafeBytes())));
        String where = call.map(x -> network.label(x.target()).orElse(shortHex(x.target().checksummed())) + "."
                + fn.map(CatalogFunction::name).orElse("call") + ": ").orElse("");
        Matcher r = RULE.matcher(message);
        if (r.find() && call.isPresent() && fn.isPresent()) {
            long offset = Long.parseLong(r.group(1));
            Optional<CatalogField> field = fn.get().fields().stream().filter(f -> f.offset() == offset).findFirst();
            if (field.isPresent()) {
                BigInteger actual = new BigInteger(r.group(2), 16);
                BigInteger required = new BigInteger(r.group(4), 16);
                return where + field.get().name() + " is " + value(field.get(), actual, call.get(), fn.get()) + "; this session allows "
                        + condition(r.group(3)) + value(field.get(), required, call.get(), fn.get());
            }
        }
        Matcher p = PERIODIC.matcher(message);
        if (p.find()) {
            Optional<BigInteger> thisCall = call.flatMap(RefusalText::erc20Amount);
            return where + cap(new Address(p.group(1).toLowerCase(java.util.Locale.ROOT)), new BigInteger(p.group(2)), new BigInteger(p.group(3)),
                    Long.parseLong(p.group(4)), thisCall, Optional.ofNullable(p.group(5)).map(Long::parseLong));
        }
        Matcher d = SOFT_DAY.matcher(message);
        if (d.find()) {
            Address token = new Address(d.group(1).toLowerCase(java.util.Locale.ROOT));
            Optional<BigInteger> thisOp = calls.stream().filter(x -> x.target().equals(token)).map(RefusalText::erc20Amount)
                    .flatMap(Optional::stream).reduce(BigInteger::add);
            return "your wallet's own limit: " + cap(token, new BigInteger(d.group(2)), new BigInteger(d.group(3)), 86_400, thisOp,
                    Optional.ofNullable(d.group(4)).map(Long::parseLong));
        }
        Matcher o = SOFT_OP.matcher(message);
        if (o.find()) {
            Address token = new Address(o.group(1).toLowerCase(java.util.Locale.ROOT));
            return "your wallet's own limit: " + units(new BigInteger(o.group(2)), token) + " in one operation, over the "
                    + units(new BigInteger(o.group(3)), token) + " per-operation limit";
        }
        String rest = POLICY.matcher(CALL.matcher(message).replaceFirst("")).replaceFirst("");
        return where + named(rest);
    }

    /**
     * "1,100 USDC today over the 1,000 USDC daily cap; 0 left; resets 21:06 UTC": {@code total} is what this period
     * would have spent with the refused amount, so what is left is the cap minus what was spent before it.
     */
    private String cap(Address token, BigInteger total, BigInteger cap, long period, Optional<BigInteger> refused, Optional<Long> opened) {
        String span = switch ((int) Math.min(period, Integer.MAX_VALUE)) {
            case 3_600 -> "this hour over the %s hourly cap";
            case 86_400 -> "today over the %s daily cap";
            case 604_800 -> "this week over the %s weekly cap";
            default -> "this period over the %s cap per " + period + " s";
        };
        StringBuilder out = new StringBuilder(units(total, token) + " " + String.format(span, units(cap, token)));
        refused.filter(a -> a.compareTo(total) <= 0).ifPresent(a -> {
            BigInteger left = cap.subtract(total.subtract(a)).max(BigInteger.ZERO);
            out.append("; ").append(left.signum() == 0 ? "0" : units(left, token)).append(" left");
        });
        opened.ifPresent(s -> out.append("; resets ").append(resetTime(s + period, period)));
        return out.toString();
    }

    private static String resetTime(long at, long period) {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern(period <= 86_400 ? "HH:mm 'UTC'" : "d MMM HH:mm 'UTC'",
                java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);
        return f.format(java.time.Instant.ofEpochSecond(at));
    }

    private String units(BigInteger amount, Address token) {
        return network.tokenAt(token).map(t -> Amounts.format(amount, t)).orElse(amount + " units of " + token.checksummed());
    }

    /** The amount an ERC-20 approve or transfer moves (the word after the address). */
    private static Optional<BigInteger> erc20Amount(Execution call) {
        Selector s = Selector.ofCallData(call.callData().unsafeBytes());
        if (!s.equals(Catalog.APPROVE.selector()) && !s.equals(Catalog.TRANSFER.selector())) return Optional.empty();
        return word(call, 32);
    }

    /** Addresses → "USDC", "SwapRouter02", "Aave Pool" where the network knows them. */
    public String named(String text) {
        Matcher m = ADDRESS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Address a = new Address(m.group().toLowerCase(java.util.Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(network.label(a).orElse(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(CatalogField field, BigInteger word, Execution call, CatalogFunction fn) {
        if (field.type().equals("address") && word.bitLength() <= 160) {
            Address a = new Address(String.format("0x%040x", word));
            return network.label(a).orElse(a.checksummed());
        }
        Optional<Token> unit = field.unitOf().flatMap(u -> u.equals("target") ? network.tokenAt(call.target())
                : fn.fields().stream().filter(f -> f.name().equals(u)).findFirst().flatMap(f -> word(call, f.offset()))
                        .flatMap(w -> w.bitLength() <= 160 ? network.tokenAt(new Address(String.format("0x%040x", w))) : Optional.empty()));
        return unit.map(t -> Amounts.format(word, t.decimals()) + " " + t.symbol()).orElse(word.toString());
    }

    private static Optional<BigInteger> word(Execution call, long offset) {
        byte[] d = call.callData().unsafeBytes();
        int from = (int) offset + 4;
        if (from + 32 > d.length) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger(1, java.util.Arrays.copyOfRange(d, from, from + 32)));
    }

    private static String condition(String json) {
        return switch (json) {
            case "equal" -> "only ";
            case "lessThanOrEqual" -> "at most ";
            case "lessThan" -> "less than ";
            case "greaterThan" -> "more than ";
            case "greaterThanOrEqual" -> "at least ";
            case "notEqual" -> "anything but ";
            default -> json + " ";
        };
    }

    private static String shortHex(String hex) {
        return hex.length() <= 14 ? hex : hex.substring(0, 6) + "…" + hex.substring(hex.length() - 4);
    }
}
