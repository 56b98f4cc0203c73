package dev.latchkey.cli;

import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.automation.RuleSpecCodec;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.signer.onchain.StoredSessionDefinitions;
import dev.latchkey.trade.build.RefusalText;
import dev.latchkey.wallet.ChainConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code latchkey automation ...}: rules the background signer executes while the owner is away (docs/automation.md).
 * {@code latchkey signer run} runs them. A rule the session does not cover is refused with the reason (exit 2).
 * {@code add} and {@code edit} live in {@link AutomationRuleCommands}.
 */
@Command(name = "automation", mixinStandardHelpOptions = true,
        description = "Limit and stop orders, recurring payments and Aave auto-repay, executed by 'latchkey signer run'.",
        subcommands = {AutomationRuleCommands.Add.class, AutomationRuleCommands.Edit.class, AutomationCommand.ListRules.class, AutomationCommand.Pause.class,
                AutomationCommand.Resume.class, AutomationCommand.Remove.class})
public final class AutomationCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static AutomationService service(Keystore keystore, ChainConnection chain) {
        RefusalText words = new RefusalText(chain.profile().tradeNetwork());
        return new AutomationService(keystore, chain.profile().tradeNetwork(), new StoredSessionDefinitions(),
                chain.profile().chainAddresses().policies(), words::explain);
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
                if (!e.exact().equals(e.getMessage())) out.put("exactReason", e.exact());
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
}
