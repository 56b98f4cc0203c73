package dev.latchkey.cli;

import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.automation.RuleSpecCodec;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.SessionService;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code automation add <kind>} and {@code automation edit <kind>}: both take a kind's {@link RuleOptions} and check
 * the rule against its session first; a refusal is exit 2 with the reason, and nothing is stored.
 */
final class AutomationRuleCommands {

    private AutomationRuleCommands() { }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a rule, checked against its session first.",
            subcommands = {AddLimitOrder.class, AddStop.class, AddRecurring.class, AddAutoRepay.class})
    static final class Add implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = {"Replace a rule's parameters (same options as 'add <kind>'), re-checked against the rule's session.",
                    "The rule keeps its id, session, status, history and the triggers it already fired; its kind cannot change."},
            subcommands = {EditLimitOrder.class, EditStop.class, EditRecurring.class, EditAutoRepay.class})
    static final class Edit implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** Shared by add and edit: the label, the password, and the refusal → exit 2 mapping. */
    abstract static class RuleSpecCommand extends ChainCommand {
        @Option(names = "--label", paramLabel = "TEXT", description = "A name for the rule (add: default a summary; edit: default unchanged).")
        String label;

        @Override
        boolean needsPassword() {
            return true; // the rule's parameters are sealed under the wallet key
        }

        abstract RuleOptions options();

        Map<String, Object> refused(AutomationService.RuleRefusedException e, String suffix) {
            exitCode = EXIT_REFUSED;
            Map<String, Object> out = Output.result();
            out.put("refused", true);
            out.put("reason", e.getMessage() + suffix);
            if (!e.exact().equals(e.getMessage())) out.put("exactReason", e.exact());
            return out;
        }
    }

    abstract static class AddCommand extends RuleSpecCommand {
        @Option(names = "--session", required = true, paramLabel = "ID", description = "The session the rule runs under (id or unique prefix).")
        String session;

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
            SessionRecord s = new SessionService(keystore, chain, Clock.systemUTC()).find(session);
            long now = chain.chainTime();
            RuleSpec rule = options().spec(chain.profile().tradeNetwork(), now, null);
            try {
                AutomationRule row = AutomationCommand.service(keystore, chain).add(s.permissionId(),
                        label == null ? options().summary() : label, rule, now);
                Map<String, Object> out = AutomationCommand.view(row, rule, List.of());
                out.put("session", HexFormat.of().formatHex(s.permissionId()));
                return out;
            } catch (AutomationService.RuleRefusedException e) {
                return refused(e, "");
            }
        }
    }

    /**
     * A successful edit keeps the rule's status: a paused rule stays paused, and one that needs attention stays so
     * until {@code resume} (which re-checks the session too) — the owner decides when it runs again.
     */
    abstract static class EditCommand extends RuleSpecCommand {
        @Option(names = "--rule", required = true, paramLabel = "ID", description = "Rule id (or a unique prefix of 4+ hex digits).")
        String rule;

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
            AutomationService service = AutomationCommand.service(keystore, chain);
            AutomationRule row = service.find(rule);
            String id = HexFormat.of().formatHex(row.ruleId());
            if (!row.kind().equals(options().kind())) {
                Map<String, Object> out = refused(new AutomationService.RuleRefusedException("rule " + id + " is a "
                        + RuleOptions.command(row.kind()) + " rule and cannot become a " + options().command()
                        + " rule: edit it with 'automation edit " + RuleOptions.command(row.kind()) + "', or remove it and add a new one"), "");
                out.put("rule", id);
                return out;
            }
            RuleSpec previous = RuleSpecCodec.decode(keystore.automations().spec(row.ruleId()));
            long now = chain.chainTime();
            RuleSpec next = options().spec(chain.profile().tradeNetwork(), now, previous);
            try {
                AutomationRule edited = service.edit(row.ruleId(), label, next, now);
                Map<String, Object> out = AutomationCommand.view(edited, next, keystore.automations().firings(row.ruleId()));
                out.put("version", edited.version());
                out.put("previous", RuleSpecCodec.toJson(previous));
                if (edited.status() != AutomationRule.Status.ACTIVE) {
                    out.put("message", "the rule is still " + edited.status() + ": 'automation resume --rule " + id.substring(0, 8)
                            + "' runs it again");
                }
                return out;
            } catch (AutomationService.RuleRefusedException e) {
                Map<String, Object> out = refused(e, " (the rule is unchanged)");
                out.put("rule", id);
                return out;
            }
        }
    }

    @Command(name = "limit-order", mixinStandardHelpOptions = true, description = RuleOptions.LIMIT_ORDER)
    static final class AddLimitOrder extends AddCommand {
        @Mixin RuleOptions.LimitOrder options;
        RuleOptions options() { return options; }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = RuleOptions.STOP)
    static final class AddStop extends AddCommand {
        @Mixin RuleOptions.Stop options;
        RuleOptions options() { return options; }
    }

    @Command(name = "recurring", mixinStandardHelpOptions = true, description = RuleOptions.RECURRING)
    static final class AddRecurring extends AddCommand {
        @Mixin RuleOptions.Recurring options;
        RuleOptions options() { return options; }
    }

    @Command(name = "auto-repay", mixinStandardHelpOptions = true, description = RuleOptions.AUTO_REPAY)
    static final class AddAutoRepay extends AddCommand {
        @Mixin RuleOptions.AutoRepay options;
        RuleOptions options() { return options; }
    }

    @Command(name = "limit-order", mixinStandardHelpOptions = true, description = RuleOptions.LIMIT_ORDER)
    static final class EditLimitOrder extends EditCommand {
        @Mixin RuleOptions.LimitOrder options;
        RuleOptions options() { return options; }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = RuleOptions.STOP)
    static final class EditStop extends EditCommand {
        @Mixin RuleOptions.Stop options;
        RuleOptions options() { return options; }
    }

    @Command(name = "recurring", mixinStandardHelpOptions = true, description = RuleOptions.RECURRING)
    static final class EditRecurring extends EditCommand {
        @Mixin RuleOptions.Recurring options;
        RuleOptions options() { return options; }
    }

    @Command(name = "auto-repay", mixinStandardHelpOptions = true, description = RuleOptions.AUTO_REPAY)
    static final class EditAutoRepay extends EditCommand {
        @Mixin RuleOptions.AutoRepay options;
        RuleOptions options() { return options; }
    }
}
