package dev.latchkey.ui.automation;

import static dev.latchkey.automation.Fixture.BOB;
import static dev.latchkey.automation.Fixture.START;
import static dev.latchkey.automation.Fixture.usdc;

import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.Fixture;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.Automations;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Automations port on the automation tests' real keystore (offline network, fixed chain time), with a few
 * rules in every state, for the screenshot program.
 */
public final class DemoAutomations implements AutomationPort {

    private final Fixture f;

    private DemoAutomations(Fixture f) {
        this.f = f;
    }

    public static DemoAutomations create(Path dir) throws Exception {
        Fixture f = new Fixture(dir);
        SessionRecord swap = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(500), usdc(2000)));
        SessionRecord pay = f.recurringSession(usdc(100), 86_400, START + 30 * 86_400L);
        AutomationService s = f.service();
        long now = f.chain.head.timestamp();
        s.add(swap.permissionId(), "Buy the dip", new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(400),
                new BigDecimal("2800"), 50), now);
        AutomationRule rent = s.add(pay.permissionId(), "Rent", new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", BOB, null, 0,
                usdc(100), 86_400, now, 0, 4, 0), now);
        f.keystore.automations().fire(new Automations.Fire(rent.ruleId(), 0, 0, new byte[16], 101, now, new byte[4], "payment 1 due"));
        AutomationRule second = s.add(swap.permissionId(), "Second tranche", new RuleSpec.LimitOrder("WETH", "USDC", 500,
                RuleSpec.Side.BUY, usdc(300), new BigDecimal("2500"), 50), now);
        s.pause(second.ruleId());
        return new DemoAutomations(f);
    }

    /** As the app wires it: refusals worded about the trade. */
    @Override public AutomationService service() { return f.service(new dev.latchkey.trade.build.RefusalText(Fixture.NET)::explain); }
    @Override public long chainTime() { return f.chain.head.timestamp(); }
    @Override public TradeNetwork network() { return Fixture.NET; }

    @Override
    public List<SessionChoice> sessions() throws Exception {
        List<SessionChoice> out = new ArrayList<>();
        for (SessionRecord r : f.keystore.sessions().all()) {
            out.add(new SessionChoice(r.permissionId(), out.isEmpty() ? "uniswap-swap" : "usdc-recurring"));
        }
        return out;
    }

    @Override
    public java.util.Map<String, AutomationEvaluation> latestEvaluations() throws Exception {
        return f.keystore.automations().latestEvaluations();
    }

}
