package dev.latchkey.aa.flow;

import static dev.latchkey.aa.flow.FlowFixture.USDC;
import static dev.latchkey.aa.flow.FlowFixture.addr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.userop.OperationContexts;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.engine.Decision;
import dev.latchkey.session.engine.PolicyEngine;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.SessionMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Issue 12: the engine and the chain agree on the claimed-window policies. Random operations under a session with
 * PeriodicSpendingLimit (5 USDC per 60 s window), RateLimit (3 per 60 s) and GasCostLimit; the chain's clock jumps
 * onto, just before and just after window boundaries and into later windows; calls are well-formed or malformed
 * (address words with dirty upper bits, missing or extra bytes). Engine verdict (live ChainPolicyState) vs the
 * EntryPoint's (eth_call of handleOps); about half of the allowed ones are really sent, so windows fill and the gas
 * cap runs down. {@code -Dlatchkey.differential.calls=2000} for a wider run (CI: 200).
 */
@ExtendWith(DevnetExtension.class)
class WindowedDifferentialOnDevnetTest {

    private static final int CALLS = Integer.getInteger("latchkey.differential.calls", 200);
    private static final long WINDOW = 60;
    private static final BigInteger PER_WINDOW = USDC.multiply(BigInteger.valueOf(5));

    @Test
    void engineAndChainAgreeAcrossWindowBoundariesAndOnMalformedCalls(Devnet devnet) throws Exception {
        ChainAddresses a = FlowFixture.addresses(devnet);
        Address usdc = addr(devnet, "USDC");
        FlowFixture.Wallet wallet = FlowFixture.Wallet.fresh();
        SmartAccountClient account = wallet.on(devnet, 1_000);
        devnet.faucet().fund(new dev.latchkey.devnet.Funding(account.address().hex(), null, null, java.math.BigDecimal.valueOf(100), null));
        ECKeyPair key = Keys.createEcKeyPair();
        Address recipient = FlowFixture.randomAddress();
        OperationSender sender = FlowFixture.direct(devnet);
        SessionOperations ops = new SessionOperations(account, sender, FlowFixture.engine(a));
        // The gas cap: room for about a third of the operations at the devnet's fees, so it runs out late in the run.
        UserOperation probe = ops.draft(ops.prepare(session(a, usdc, key, BigInteger.ONE)), 1,
                List.of(transfer(usdc, recipient, BigInteger.ONE)), Optional.empty());
        BigInteger perOp = probe.verificationGasLimit().add(probe.callGasLimit()).add(probe.preVerificationGas()).multiply(probe.maxFeePerGas());
        OnchainSession session = session(a, usdc, key, perOp.multiply(BigInteger.valueOf(Math.max(40, CALLS / 3))));
        PreparedSession s = ops.prepare(session);
        EnablePlan plan = EnableFlow.plan(session, List.of(account));
        Outcome first = ops.send(s, List.of(key), List.of(transfer(usdc, recipient, USDC)),
                Optional.of(plan.enableSession(a.chainId(), EnableFlow.approve(plan, List.of(wallet.owner()), a.ownableValidator()))));
        assertThat(first).isInstanceOf(Outcome.Included.class);

        PolicyEngine engine = FlowFixture.engine(a);
        ChainPolicyState state = new ChainPolicyState(devnet.client(), a.smartSession(), account.address());
        Random random = new Random(12_7562);
        int allowed = 0, refused = 0, sent = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            moveClock(devnet, random);
            List<Execution> calls = new ArrayList<>();
            int n = random.nextInt(4) == 0 ? 2 : 1;
            for (int c = 0; c < n; c++) calls.add(randomCall(random, usdc, recipient));
            UserOperation draft = ops.draft(s, 1, calls, Optional.empty()); // claims the next block's time
            // The engine at the time the simulation runs at: eth_call executes in the latest block. (The wallet judges
            // at the next block's time, where the operation would land; a claim one second past the latest block,
            // across a boundary, is exactly what the EntryPoint refuses here: AA22.)
            Decision verdict = engine.check(s, OperationContexts.of(draft, a.smartSession(), devnet.client().latestTimestamp(),
                    devnet.client().baseFee()), state);
            UserOperation signed = ops.sign(draft, s, List.of(key), Optional.empty());
            OperationSender.Simulation chain = sender.simulate(signed);
            if (verdict.allowed() != chain.passed()) {
                problems.add("call " + i + " at " + devnet.client().latestTimestamp() + ": engine " + verdict + ", chain " + chain + ", calls " + calls);
            }
            if (verdict instanceof Decision.Refused r) {
                refused++;
                reasons.merge(r.reason().kind().map(Enum::name).orElse(r.reason().scope().name()) + "/" + r.reason().rule(), 1, Integer::sum);
            } else {
                allowed++;
                if (chain.passed() && random.nextInt(4) != 0) {
                    assertThat(sender.send(signed).success()).isTrue();
                    sent++;
                }
            }
        }
        System.out.printf("[windowed differential] %d random operations: %d allowed (%d of them sent), %d refused %s; %d disagreements%n",
                CALLS, allowed, sent, refused, reasons, problems.size());
        assertThat(problems).isEmpty();
        assertThat(allowed).isPositive();
        assertThat(reasons.keySet()).as("the run reaches the windowed limits and the malformed-call refusals")
                .anyMatch(k -> k.startsWith("PERIODIC_SPENDING_LIMIT/limit"))
                .anyMatch(k -> k.startsWith("RATE_LIMIT/maxUses"))
                .anyMatch(k -> k.startsWith("PERIODIC_SPENDING_LIMIT/selector"))
                .anyMatch(k -> k.endsWith("/claim")); // a claim one second past the simulated block, across a boundary
    }

    private static OnchainSession session(ChainAddresses a, Address usdc, ECKeyPair key, BigInteger gasCap) {
        Action transfer = new Action(usdc, Transfers.TRANSFER, List.of(
                new Policy.PeriodicSpendingLimit(List.of(new Policy.TokenLimit(usdc, PER_WINDOW)), WINDOW)));
        byte[] salt = new byte[32];
        new Random(gasCap.longValue()).nextBytes(salt);
        WalletSession ws = new WalletSession(new Owners.Ecdsa(List.of(FlowFixture.address(key)), 1, a.ownableValidator()), List.of(transfer),
                List.of(new Policy.RateLimit(3, WINDOW), new Policy.GasCostLimit(gasCap)),
                HexBytes.of(salt), List.of(a.chainId()), Optional.empty(), false);
        return SessionMapper.toOnchain(ws, a.policies());
    }

    /**
     * Moves the chain's clock: onto a window boundary, one or two seconds before or after it, a random step inside
     * the window, or several windows ahead; then mines, so the next block is the one the operation is judged in.
     */
    private static void moveClock(Devnet devnet, Random r) {
        long now = devnet.client().latestTimestamp();
        long next = now - Math.floorMod(now, WINDOW) + WINDOW;
        long target = switch (r.nextInt(14)) {
            case 0 -> next;
            case 1 -> next - 1 - r.nextInt(2);
            case 2 -> next + r.nextInt(3);
            case 3 -> next + WINDOW * (1 + r.nextInt(3)) + r.nextInt((int) WINDOW);
            case 4 -> now + 1 + r.nextInt(15);
            default -> 0; // the clock stays: several operations in one window
        };
        if (target == 0) return;
        devnet.client().rpc().call("evm_setNextBlockTimestamp", Math.max(target, now + 1));
        devnet.client().rpc().call("evm_mine");
    }

    /** A USDC transfer to the recipient around the window's budget; one in four malformed. */
    private static Execution randomCall(Random r, Address usdc, Address recipient) {
        BigInteger amount = switch (r.nextInt(5)) {
            case 0 -> PER_WINDOW;
            case 1 -> PER_WINDOW.add(BigInteger.ONE);
            case 2 -> USDC.multiply(BigInteger.valueOf(1 + r.nextInt(3)));
            case 3 -> BigInteger.valueOf(r.nextInt(2_000_000));
            default -> PER_WINDOW.divide(BigInteger.TWO);
        };
        byte[] data = HexBytes.of(Transfers.TRANSFER.bytes()).concat(new AbiWords().address(recipient).uint(amount).toHexBytes()).bytes();
        data = switch (r.nextInt(8)) {
            case 0 -> { // dirty upper bits in the address word
                byte[] d = data.clone();
                d[4 + r.nextInt(12)] = (byte) (1 + r.nextInt(255));
                yield d;
            }
            case 1 -> Arrays.copyOf(data, data.length - 1 - r.nextInt(8)); // missing bytes
            case 2 -> { // extra bytes
                byte[] d = Arrays.copyOf(data, data.length + 1 + r.nextInt(8));
                for (int k = data.length; k < d.length; k++) d[k] = (byte) r.nextInt(256);
                yield d;
            }
            default -> data;
        };
        return new Execution(usdc, BigInteger.ZERO, HexBytes.of(data));
    }

    private static Execution transfer(Address usdc, Address to, BigInteger amount) {
        return Transfers.erc20(usdc, to, amount);
    }
}
