package dev.latchkey.cli;

import dev.latchkey.automation.AutomationEngine;
import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.automation.RuleSpecCodec;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.signer.onchain.StoredSessionDefinitions;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.SessionService;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code latchkey automation ...}: rules the background signer executes while the owner is away (docs/automation.md).
 * {@code latchkey signer run} runs them. A rule the session does not cover is refused with the reason (exit 2).
 */
@Command(name = "automation", mixinStandardHelpOptions = true,
        description = "Limit and stop orders, recurring payments and Aave auto-repay, executed by 'latchkey signer run'.",
        subcommands = {AutomationCommand.Add.class, AutomationCommand.ListRules.class, AutomationCommand.Pause.class,
                AutomationCommand.Resume.class, AutomationCommand.Remove.class})
public final class AutomationCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static AutomationService service(Keystore keystore, ChainConnection chain) {
        return new AutomationService(keystore, chain.profile().tradeNetwork(), new StoredSessionDefinitions(),
                chain.profile().chainAddresses().policies());
    }

    /** The engine {@code signer run} starts next to the signer (same keystore, the signer's live ports). */
    static AutomationEngine engine(Keystore keystore, ChainConnection chain, dev.latchkey.wallet.SignerHost host,
                                   java.util.function.Consumer<String> log) {
        TradeNetwork n = chain.profile().tradeNetwork();
        return new AutomationEngine(keystore, n, new dev.latchkey.automation.rpc.RpcChainReader(chain.node(), n.quoterV2(), n.aavePool()),
                new dev.latchkey.automation.rpc.RpcQuoteSource(chain.node(), n.quoterV2()), host.signer()::submit, host.definitions(),
                new dev.latchkey.signer.onchain.ChainPolicyStates(chain.node(), chain.profile().chainId()),
                dev.latchkey.automation.AutomationConfig.defaults(chain.profile().chainAddresses().policies(), log));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a rule, checked against its session first.",
            subcommands = {LimitOrder.class, Stop.class, Recurring.class, AutoRepay.class})
    static final class Add implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** Shared by the {@code add} commands: the session, a label, and the refusal → exit 2 mapping. */
    abstract static class AddCommand extends ChainCommand {
        @Option(names = "--session", required = true, paramLabel = "ID", description = "The session the rule runs under (id or unique prefix).")
        String session;

        @Option(names = "--label", paramLabel = "TEXT", description = "A name for the rule (default: a summary).")
        String label;

        @Override
        boolean needsPassword() {
            return true; // the rule's parameters are sealed under the wallet key
        }

        abstract RuleSpec spec(TradeNetwork n, long chainTime);

        abstract String summary();

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException, IOException {
            SessionRecord s = new SessionService(keystore, chain, Clock.systemUTC()).find(session);
            long now = chain.chainTime();
            RuleSpec rule = spec(chain.profile().tradeNetwork(), now);
            try {
                AutomationRule row = service(keystore, chain).add(s.permissionId(), label == null ? summary() : label, rule, now);
                Map<String, Object> out = view(row, rule, List.of());
                out.put("session", HexFormat.of().formatHex(s.permissionId()));
                return out;
            } catch (AutomationService.RuleRefusedException e) {
                exitCode = EXIT_REFUSED;
                Map<String, Object> out = Output.result();
                out.put("refused", true);
                out.put("reason", e.getMessage());
                return out;
            }
        }
    }

    @Command(name = "limit-order", mixinStandardHelpOptions = true,
            description = "Buy BASE with QUOTE when the pool price falls to --price (buy), or sell BASE when it rises to it (sell).")
    static final class LimitOrder extends AddCommand {
        @Option(names = "--pair", required = true, paramLabel = "BASE/QUOTE", description = "e.g. WETH/USDC (price of WETH in USDC).")
        String pair;
        @Option(names = "--side", required = true, paramLabel = "buy|sell") String side;
        @Option(names = "--amount", required = true, paramLabel = "X", description = "Amount sold: QUOTE for buy, BASE for sell.") String amount;
        @Option(names = "--price", required = true, paramLabel = "P") BigDecimal price;
        @Option(names = "--fee", defaultValue = "500", paramLabel = "TIER") int fee;
        @Option(names = "--max-slippage", defaultValue = "0.5%", paramLabel = "P", description = "Below the quote at firing: 0.5% or 50bps.")
        String slippage;

        RuleSpec spec(TradeNetwork n, long now) {
            String[] p = pair(pair);
            RuleSpec.Side s = side(side);
            String sold = s == RuleSpec.Side.BUY ? p[1] : p[0];
            return new RuleSpec.LimitOrder(p[0], p[1], fee, s, Amounts.toUnits("--amount", amount, n.token("--amount", sold)), price,
                    TradeCommand.bps(slippage));
        }

        String summary() {
            return side + " " + pair + " at " + price.toPlainString();
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Sell up to --amount of BASE for QUOTE when the price falls to --stop-loss or rises to --take-profit.")
    static final class Stop extends AddCommand {
        @Option(names = "--pair", required = true, paramLabel = "BASE/QUOTE") String pair;
        @Option(names = "--amount", required = true, paramLabel = "X", description = "BASE to sell at most.") String amount;
        @Option(names = "--stop-loss", paramLabel = "P") BigDecimal stopLoss;
        @Option(names = "--take-profit", paramLabel = "P") BigDecimal takeProfit;
        @Option(names = "--fee", defaultValue = "500", paramLabel = "TIER") int fee;
        @Option(names = "--max-slippage", defaultValue = "1%", paramLabel = "P") String slippage;

        RuleSpec spec(TradeNetwork n, long now) {
            String[] p = pair(pair);
            return new RuleSpec.StopOrder(p[0], p[1], fee, Amounts.toUnits("--amount", amount, n.token("--amount", p[0])), stopLoss, takeProfit,
                    TradeCommand.bps(slippage));
        }

        String summary() {
            return "stop " + pair + (stopLoss == null ? "" : " SL " + stopLoss.toPlainString()) + (takeProfit == null ? "" : " TP " + takeProfit.toPlainString());
        }
    }

    @Command(name = "recurring", mixinStandardHelpOptions = true,
            description = "Send (--to) or swap (--swap-to) --amount of --token every --every, from --start, --count times and/or until --end."
                    + " The session needs a periodic spending limit on the token.")
    static final class Recurring extends AddCommand {
        @Option(names = "--token", required = true) String token;
        @Option(names = "--amount", required = true, paramLabel = "X") String amount;
        @Option(names = "--every", required = true, paramLabel = "PERIOD", description = "60s, 15m, 1h, 1d or 1w.") String every;
        @Option(names = "--to", paramLabel = "ADDRESS") String to;
        @Option(names = "--swap-to", paramLabel = "TOKEN") String swapTo;
        @Option(names = "--start", defaultValue = "now", paramLabel = "WHEN", description = "now, unix seconds or an ISO-8601 instant (chain time).")
        String start;
        @Option(names = "--end", paramLabel = "WHEN") String end;
        @Option(names = "--count", defaultValue = "0", paramLabel = "N") long count;
        @Option(names = "--fee", defaultValue = "500", paramLabel = "TIER") int fee;
        @Option(names = "--max-slippage", defaultValue = "0.5%", paramLabel = "P") String slippage;

        RuleSpec spec(TradeNetwork n, long now) {
            if ((to == null) == (swapTo == null)) throw new FieldException("--to", "give exactly one of --to (send) or --swap-to (swap)");
            RuleSpec.Mode mode = to != null ? RuleSpec.Mode.SEND : RuleSpec.Mode.SWAP;
            return new RuleSpec.RecurringPayment(mode, token.toUpperCase(Locale.ROOT), to == null ? null : Address.parse("--to", to),
                    swapTo == null ? null : swapTo.toUpperCase(Locale.ROOT), fee, Amounts.toUnits("--amount", amount, n.token("--token", token)),
                    period(every), when("--start", start, now), end == null ? 0 : when("--end", end, now), count,
                    mode == RuleSpec.Mode.SWAP ? TradeCommand.bps(slippage) : 0);
        }

        String summary() {
            return amount + " " + token + " every " + every + (to != null ? " to " + to : " into " + swapTo);
        }
    }

    @Command(name = "auto-repay", mixinStandardHelpOptions = true,
            description = "When the Aave health factor falls below --below, repay --asset debt to bring it to --target.")
    static final class AutoRepay extends AddCommand {
        @Option(names = "--asset", required = true) String asset;
        @Option(names = "--below", required = true, paramLabel = "HF") BigDecimal below;
        @Option(names = "--target", required = true, paramLabel = "HF") BigDecimal target;
        @Option(names = "--max-per-repay", required = true, paramLabel = "X") String maxPerRepay;

        RuleSpec spec(TradeNetwork n, long now) {
            return new RuleSpec.AutoRepay(asset.toUpperCase(Locale.ROOT), below, target,
                    Amounts.toUnits("--max-per-repay", maxPerRepay, n.token("--asset", asset)));
        }

        String summary() {
            return "repay " + asset + " below HF " + below.toPlainString();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Rules with status, next trigger and last firing.")
    static final class ListRules extends ChainCommand {
        @Option(names = "--all", description = "Include removed rules.") boolean all;

        @Override
        boolean needsPassword() {
            return true;
        }

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
            List<Object> rules = new ArrayList<>();
            for (AutomationService.RuleView v : service(keystore, chain).list(all)) rules.add(view(v.row(), v.spec(), v.firings()));
            Map<String, Object> out = Output.result();
            out.put("rules", rules);
            return out;
        }
    }

    /** pause / resume / remove share the rule lookup. */
    abstract static class RuleCommand extends ChainCommand {
        @Option(names = "--rule", required = true, paramLabel = "ID", description = "Rule id (or a unique prefix of 4+ hex digits).")
        String rule;

        @Override
        boolean needsPassword() {
            return true;
        }

        abstract boolean apply(AutomationService s, AutomationRule r, long chainTime) throws KeystoreException, AutomationService.RuleRefusedException;

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
            AutomationService s = service(keystore, chain);
            AutomationRule r = s.find(rule);
            Map<String, Object> out = Output.result();
            out.put("rule", HexFormat.of().formatHex(r.ruleId()));
            try {
                boolean changed = apply(s, r, chain.chainTime());
                out.put("changed", changed);
                if (!changed) out.put("message", "the rule is " + r.status());
            } catch (AutomationService.RuleRefusedException e) {
                exitCode = EXIT_REFUSED;
                out.put("changed", false);
                out.put("reason", e.getMessage());
            }
            out.put("status", keystore.automations().get(r.ruleId()).status().name());
            return out;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stop evaluating a rule (it keeps its state).")
    static final class Pause extends RuleCommand {
        boolean apply(AutomationService s, AutomationRule r, long now) throws KeystoreException {
            return s.pause(r.ruleId());
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resume a paused rule, or one that needed attention, after re-checking it against its session.")
    static final class Resume extends RuleCommand {
        boolean apply(AutomationService s, AutomationRule r, long now) throws KeystoreException, AutomationService.RuleRefusedException {
            return s.resume(r.ruleId(), now);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a rule (its history is kept).")
    static final class Remove extends RuleCommand {
        boolean apply(AutomationService s, AutomationRule r, long now) throws KeystoreException {
            return s.remove(r.ruleId());
        }
    }

    static Map<String, Object> view(AutomationRule row, RuleSpec spec, List<AutomationFiring> firings) {
        Map<String, Object> out = Output.result();
        out.put("rule", HexFormat.of().formatHex(row.ruleId()));
        out.put("label", row.label());
        out.put("kind", row.kind());
        out.put("status", row.status().name());
        if (!row.statusReason().isEmpty()) out.put("reason", row.statusReason());
        out.put("session", HexFormat.of().formatHex(row.permissionId()));
        out.put("nextTrigger", row.nextSeq());
        out.put("spec", RuleSpecCodec.toJson(spec));
        out.put("firings", firings.size());
        if (!firings.isEmpty()) {
            AutomationFiring last = firings.get(firings.size() - 1);
            out.put("lastFiring", last.state().name() + " " + last.outcome() + " at block " + last.block() + " ("
                    + Instant.ofEpochSecond(last.chainTime()) + ")");
        }
        if (spec instanceof RuleSpec.RecurringPayment p && row.nextSeq() < p.totalPayments()) {
            out.put("nextRun", Instant.ofEpochSecond(p.dueAt(row.nextSeq())).toString());
        }
        return out;
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
            if (t.matches("\\d+")) return Long.parseLong(t);
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
            return t.matches("\\d+") ? Long.parseLong(t) : Instant.parse(t).getEpochSecond();
        } catch (RuntimeException e) {
            throw new FieldException(field, "expected now, unix seconds or an ISO-8601 instant, got " + text);
        }
    }

}
