package dev.latchkey.session.engine;

import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.engine.Refusal.Scope;
import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.PolicyData;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyCodec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Off-chain mirror of SmartSession's {@code _enforcePolicies} (spec §2.5) plus the owner's {@link SoftLimits}:
 * pure, no I/O besides the {@link PolicyState} port. Answers before anything is signed; the first failing check
 * (in on-chain order) is the reason.
 */
public final class PolicyEngine {

    private static final Selector EXECUTE = new Selector("0xe9ae5c53");

    private final PolicyAddresses addresses;
    private final SoftLimits soft;
    private final SoftLimits.LocalHistory history;

    public PolicyEngine(PolicyAddresses addresses, SoftLimits soft, SoftLimits.LocalHistory history) {
        this.addresses = addresses;
        this.soft = soft;
        this.history = history;
    }

    public Decision check(OnchainSession session, OperationContext op, PolicyState state) {
        HexBytes pid = Ids.permissionId(session);
        PolicyChecks checks = new PolicyChecks(state, op, soft);
        Optional<Refusal> r = shapeAndPaymaster(session, op);
        if (r.isEmpty()) r = userOpPolicies(session, op, pid, checks);
        for (int i = 0; r.isEmpty() && i < op.calls().size(); i++) r = call(session, op, pid, checks, i);
        if (r.isEmpty()) r = new SoftLimitChecks(soft, history).check(op);
        return r.<Decision>map(Decision.Refused::new).orElseGet(() -> new Decision.Allowed(checks.validAfter, checks.validUntil));
    }

    private Optional<Refusal> shapeAndPaymaster(OnchainSession s, OperationContext op) {
        if (op.shape() == OperationContext.Shape.UNSUPPORTED) {
            return operation("callType", "SmartSession only accepts execute with call type single or batch and default exec type");
        }
        if (op.shape() == OperationContext.Shape.EXECUTE_BATCH && op.calls().isEmpty()) return operation("batch", "empty batch");
        if (op.hasPaymaster() && !s.permitErc4337Paymaster()) return operation("permitERC4337Paymaster", "session does not permit a paymaster");
        if (op.hasPaymaster() && s.userOpPolicies().isEmpty()) {
            return operation("userOpPolicies", "a paymaster needs at least one user-operation policy (NoPoliciesSet)");
        }
        return Optional.empty();
    }

    private Optional<Refusal> userOpPolicies(OnchainSession s, OperationContext op, HexBytes pid, PolicyChecks checks) {
        HexBytes cfg = Ids.configId(op.account(), pid);
        int i = 0;
        for (PolicyData pd : dedupe(s.userOpPolicies())) {
            Policy p = PolicyCodec.fromPolicyData("userOpPolicies[" + i++ + "]", pd, addresses);
            Optional<Refusal> r = checks.userOp(pd.policy(), p, cfg);
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }

    private Optional<Refusal> call(OnchainSession s, OperationContext op, HexBytes pid, PolicyChecks checks, int i) {
        Call call = op.calls().get(i);
        Selector sel = call.selector();
        HexBytes actionId;
        Collection<PolicyData> policies;
        if (op.shape() == OperationContext.Shape.ACCOUNT_CALL) {
            actionId = Ids.actionId(op.account(), sel);
            policies = actionPolicies(s, op.account(), sel);
            if (policies.isEmpty()) return match(i, "noPolicies", "no action policies for account function " + sel + " (there is no fallback here)");
        } else if (sel.equals(EXECUTE) && call.target().equals(op.account())) {
            return match(i, "selfCall", "nested execute on the account itself is not allowed");
        } else if (call.target().equals(ActionData.FALLBACK_TARGET)) {
            return match(i, "target", "target 0x…01 is reserved");
        } else if (call.target().equals(op.smartSession())) {
            actionId = Ids.FALLBACK_ACTION_ID_SMART_SESSION;
            policies = actionPolicies(s, ActionData.FALLBACK_TARGET, Selector.FALLBACK_SMART_SESSION);
            if (policies.isEmpty()) return match(i, "adminAccess", "calls to SmartSession need the admin fallback action");
        } else {
            actionId = Ids.actionId(call.target(), sel);
            policies = actionPolicies(s, call.target(), sel);
            if (policies.isEmpty()) {
                actionId = Ids.FALLBACK_ACTION_ID;
                policies = actionPolicies(s, ActionData.FALLBACK_TARGET, Selector.FALLBACK);
                if (policies.isEmpty()) {
                    return match(i, "noAction", "no action allows " + sel + " on " + call.target() + " and there is no fallback action");
                }
            }
        }
        HexBytes cfg = Ids.configId(op.account(), Ids.actionPolicyId(pid, actionId));
        int k = 0;
        for (PolicyData pd : policies) {
            Policy p = PolicyCodec.fromPolicyData("actions.policies[" + k++ + "]", pd, addresses);
            Optional<Refusal> r = checks.action(i, call, pd.policy(), p, cfg);
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }

    /** Policies enabled for (target, selector): a set by address; re-enabling re-initialises, so the last init data wins. */
    private static Collection<PolicyData> actionPolicies(OnchainSession s, Address target, Selector selector) {
        List<PolicyData> all = new ArrayList<>();
        for (ActionData a : s.actions()) {
            if (a.actionTarget().equals(target) && a.actionTargetSelector().equals(selector)) all.addAll(a.actionPolicies());
        }
        return dedupe(all);
    }

    private static Collection<PolicyData> dedupe(List<PolicyData> ps) {
        Map<Address, PolicyData> m = new LinkedHashMap<>();
        ps.forEach(p -> m.put(p.policy(), p));
        return m.values();
    }

    private static Optional<Refusal> operation(String rule, String message) {
        return Optional.of(new Refusal(OptionalInt.empty(), Scope.OPERATION, Optional.empty(), Optional.empty(), rule,
                Optional.empty(), Optional.empty(), message));
    }

    private static Optional<Refusal> match(int call, String rule, String message) {
        return Optional.of(new Refusal(OptionalInt.of(call), Scope.ACTION_MATCH, Optional.empty(), Optional.empty(), rule,
                Optional.empty(), Optional.empty(), message));
    }

}
