package dev.latchkey.session.engine;

import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.engine.Refusal.Scope;
import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.PolicyAddresses;
import java.util.List;
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
    /** Read once per check: the owner may change the limits while the signer runs. */
    private final java.util.function.Supplier<SoftLimits> soft;
    private final SoftLimits.LocalHistory history;

    /**
     * The signer's engine: the policy contracts' rules plus the wallet's soft limits, counted over {@code history}.
     * The only engine that may approve an operation for signing.
     */
    public static PolicyEngine forSigner(PolicyAddresses addresses, java.util.function.Supplier<SoftLimits> soft,
                                         SoftLimits.LocalHistory history) {
        return new PolicyEngine(addresses, soft, history);
    }

    /**
     * Only what the policy contracts enforce, no wallet-side soft limits: for checks that are not the signer's
     * decision (a rule's validation against its session, an owner operation's self-check).
     */
    public static PolicyEngine onChainRules(PolicyAddresses addresses) {
        return new PolicyEngine(addresses, () -> SoftLimits.NONE, SoftLimits.LocalHistory.EMPTY);
    }

    /** Main code names its configuration through {@link #forSigner} or {@link #onChainRules}; tests may build any. */
    public PolicyEngine(PolicyAddresses addresses, SoftLimits soft, SoftLimits.LocalHistory history) {
        this(addresses, () -> soft, history);
    }

    private PolicyEngine(PolicyAddresses addresses, java.util.function.Supplier<SoftLimits> soft, SoftLimits.LocalHistory history) {
        this.addresses = addresses;
        this.soft = soft;
        this.history = history;
    }

    /** Decodes the session once; reuse the result for every operation of that session. */
    public PreparedSession prepare(OnchainSession session) {
        return PreparedSession.of(session, addresses);
    }

    public Decision check(OnchainSession session, OperationContext op, PolicyState state) {
        return check(prepare(session), op, state);
    }

    public Decision check(PreparedSession session, OperationContext op, PolicyState state) {
        return check(session, op, state, new Consumption());
    }

    /**
     * {@code op} checked as if the operations {@code ahead} — signed and sent under the same session but not on chain
     * yet, so {@code state} does not show them — had landed first: what they consume counts against every cumulative
     * limit (spending, periodic windows, uses, rate, value, gas, rule totals). Conservative: an operation ahead that
     * would now be refused still counts for what its checks consumed.
     */
    public Decision checkAfter(PreparedSession session, List<OperationContext> ahead, OperationContext op, PolicyState state) {
        Consumption used = new Consumption();
        SoftLimits limits = soft.get();
        for (OperationContext earlier : ahead) {
            PolicyChecks checks = new PolicyChecks(state, earlier, limits, used);
            userOpPolicies(session, earlier, checks);
            for (int i = 0; i < earlier.calls().size(); i++) call(session, earlier, checks, i);
        }
        return check(session, op, state, used);
    }

    private Decision check(PreparedSession session, OperationContext op, PolicyState state, Consumption used) {
        SoftLimits limits = soft.get();
        PolicyChecks checks = new PolicyChecks(state, op, limits, used);
        Optional<Refusal> r = shapeAndPaymaster(session.session(), op);
        if (r.isEmpty()) r = userOpPolicies(session, op, checks);
        for (int i = 0; r.isEmpty() && i < op.calls().size(); i++) r = call(session, op, checks, i);
        if (r.isEmpty()) r = new SoftLimitChecks(limits, history).check(op);
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

    private Optional<Refusal> userOpPolicies(PreparedSession s, OperationContext op, PolicyChecks checks) {
        HexBytes cfg = Ids.configId(op.account(), s.permissionId());
        for (PreparedSession.Entry e : s.userOpPolicies()) {
            Optional<Refusal> r = checks.userOp(e.address(), e.policy(), cfg);
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }

    private Optional<Refusal> call(PreparedSession s, OperationContext op, PolicyChecks checks, int i) {
        Call call = op.calls().get(i);
        Selector sel = call.selector();
        HexBytes actionId;
        List<PreparedSession.Entry> policies;
        if (op.shape() == OperationContext.Shape.ACCOUNT_CALL) {
            actionId = Ids.actionId(op.account(), sel);
            policies = s.policiesFor(op.account(), sel);
            if (policies.isEmpty()) return match(i, "noPolicies", "no action policies for account function " + sel + " (there is no fallback here)");
        } else if (sel.equals(EXECUTE) && call.target().equals(op.account())) {
            return match(i, "selfCall", "nested execute on the account itself is not allowed");
        } else if (call.target().equals(ActionData.FALLBACK_TARGET)) {
            return match(i, "target", "target 0x…01 is reserved");
        } else if (call.target().equals(op.smartSession())) {
            actionId = Ids.FALLBACK_ACTION_ID_SMART_SESSION;
            policies = s.policiesFor(ActionData.FALLBACK_TARGET, Selector.FALLBACK_SMART_SESSION);
            if (policies.isEmpty()) return match(i, "adminAccess", "calls to SmartSession need the admin fallback action");
        } else {
            actionId = Ids.actionId(call.target(), sel);
            policies = s.policiesFor(call.target(), sel);
            if (policies.isEmpty()) {
                actionId = Ids.FALLBACK_ACTION_ID;
                policies = s.policiesFor(ActionData.FALLBACK_TARGET, Selector.FALLBACK);
                if (policies.isEmpty()) {
                    return match(i, "noAction", "no action allows " + sel + " on " + call.target() + " and there is no fallback action");
                }
            }
        }
        HexBytes cfg = Ids.configId(op.account(), Ids.actionPolicyId(s.permissionId(), actionId));
        for (PreparedSession.Entry e : policies) {
            Optional<Refusal> r = checks.action(i, call, e.address(), e.policy(), cfg);
            if (r.isPresent()) return r;
        }
        return Optional.empty();
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
