package dev.latchkey.aa.flow;

import static dev.latchkey.aa.flow.FlowFixture.USDC;
import static dev.latchkey.aa.flow.FlowFixture.addr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.engine.Decision;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.PolicyKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * Acceptance 3 (architecture §6): random operations against an enabled session; the PolicyEngine's verdict (live
 * ChainPolicyState) must equal the EntryPoint's (eth_call of handleOps). Some accepted operations are really sent,
 * so budgets and the usage limit run down during the run.
 */
@ExtendWith(DevnetExtension.class)
class DifferentialOnDevnetTest {

    private static final int CALLS = 120;
    private static final Selector APPROVE = new Selector("0x095ea7b3");

    @Test
    void engineAndChainAgreeOnRandomCalls(Devnet devnet) throws Exception {
        ChainAddresses a = FlowFixture.addresses(devnet);
        Address usdc = addr(devnet, "USDC");
        Address dai = addr(devnet, "DAI");
        FlowFixture.Wallet wallet = FlowFixture.Wallet.fresh();
        SmartAccountClient account = wallet.on(devnet, 1_000);
        devnet.faucet().fund(new dev.latchkey.devnet.Funding(account.address().hex(), null, null, java.math.BigDecimal.valueOf(100), null));
        ECKeyPair key = Keys.createEcKeyPair();
        Address recipient = FlowFixture.randomAddress();
        BigInteger limit = USDC.multiply(BigInteger.valueOf(100));
        OnchainSession session = FlowFixture.usdcSession(a, usdc, recipient, key, limit, 10, devnet.client().latestTimestamp() + 86_400);
        OperationSender sender = FlowFixture.direct(devnet);
        SessionOperations ops = new SessionOperations(account, sender, FlowFixture.engine(a));
        PreparedSession s = ops.prepare(session);
        EnablePlan plan = EnableFlow.plan(session, List.of(account));
        Outcome first = ops.send(s, List.of(key), List.of(Transfers.erc20(usdc, recipient, USDC)),
                Optional.of(plan.enableSession(a.chainId(), EnableFlow.approve(plan, List.of(wallet.owner()), a.ownableValidator()))));
        assertThat(first).isInstanceOf(Outcome.Included.class);

        ChainPolicyState state = new ChainPolicyState(devnet.client(), a.smartSession(), account.address());
        HexBytes spendCfg = Ids.configId(account.address(), Ids.actionPolicyId(s.permissionId(), Ids.actionId(usdc, Transfers.TRANSFER)));
        Address spendingPolicy = a.policies().addressOf("p", PolicyKind.SPENDING_LIMITS);
        Random random = new Random(7579);
        int allowed = 0, refused = 0, sent = 0, disagreements = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            BigInteger remaining = limit.subtract(state.spending(spendingPolicy, spendCfg, usdc).spent());
            List<Execution> calls = new ArrayList<>();
            int n = random.nextInt(5) == 0 ? 2 : 1;
            for (int c = 0; c < n; c++) calls.add(randomCall(random, usdc, dai, recipient, remaining, n));
            UserOperation draft = ops.draft(s, 1, calls, Optional.empty());
            Decision verdict = ops.check(s, draft, Optional.empty());
            UserOperation signed = ops.sign(draft, s, List.of(key), Optional.empty());
            OperationSender.Simulation chain = sender.simulate(signed);
            if (verdict.allowed() != chain.passed()) {
                disagreements++;
                problems.add("call " + i + ": engine " + verdict + ", chain " + chain + ", calls " + calls);
            }
            if (verdict instanceof Decision.Refused r) {
                refused++;
                reasons.merge(r.reason().kind().map(Enum::name).orElse(r.reason().scope().name()) + "/" + r.reason().rule(), 1, Integer::sum);
            } else {
                allowed++;
                if (chain.passed() && random.nextInt(2) == 0) {
                    assertThat(sender.send(signed).success()).isTrue();
                    sent++;
                }
            }
        }
        System.out.printf("[differential] %d random operations: %d allowed (%d of them sent), %d refused %s; %d disagreements%n",
                CALLS, allowed, sent, refused, reasons, disagreements);
        assertThat(problems).isEmpty();
        assertThat(allowed).isPositive();
        assertThat(refused).isPositive();
    }

    /** A call near the session's edges: mostly USDC transfers to the recipient around the remaining budget. */
    private static Execution randomCall(Random r, Address usdc, Address dai, Address recipient, BigInteger remaining, int batch) {
        int t = r.nextInt(20);
        Address target = t < 18 ? usdc : t < 19 ? dai : FlowFixture.randomAddress();
        int s = r.nextInt(20);
        Selector selector = s < 18 ? Transfers.TRANSFER : s < 19 ? APPROVE : new Selector(String.format("0x%08x", r.nextInt()));
        Address to = r.nextInt(5) == 0 ? FlowFixture.randomAddress() : recipient;
        BigInteger base = batch > 1 ? remaining.divide(BigInteger.TWO) : remaining;
        BigInteger amount = switch (r.nextInt(6)) {
            case 0 -> base;
            case 1 -> base.add(BigInteger.ONE);
            case 2 -> base.subtract(BigInteger.ONE).max(BigInteger.ZERO);
            case 3 -> base.signum() == 0 ? BigInteger.ZERO : new BigInteger(base.bitLength(), r).mod(base);
            case 4 -> base.add(BigInteger.valueOf(r.nextInt(5_000_000)));
            default -> BigInteger.valueOf(r.nextInt(3_000_000));
        };
        HexBytes data = HexBytes.of(selector.bytes()).concat(new AbiWords().address(to).uint(amount).toHexBytes());
        return new Execution(target, BigInteger.ZERO, data);
    }
}
