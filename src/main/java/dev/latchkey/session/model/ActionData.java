package dev.latchkey.session.model;

import java.util.List;

/** On-chain {@code ActionData{bytes4 actionTargetSelector; address actionTarget; PolicyData[] actionPolicies}}. */
public record ActionData(Selector actionTargetSelector, Address actionTarget, List<PolicyData> actionPolicies) {

    /** {@code FALLBACK_TARGET_FLAG}. */
    public static final Address FALLBACK_TARGET = new Address("0x0000000000000000000000000000000000000001");

    public ActionData {
        if (actionTargetSelector == null) throw new FieldException("actionTargetSelector", "missing");
        if (actionTarget == null) throw new FieldException("actionTarget", "missing");
        if (actionPolicies == null) throw new FieldException("actionPolicies", "missing");
        actionPolicies = List.copyOf(actionPolicies);
    }

    /** The generic fallback action (any call without its own action policies). */
    public boolean isGenericFallback() {
        return actionTarget.equals(FALLBACK_TARGET) && actionTargetSelector.equals(Selector.FALLBACK);
    }

    /** The admin fallback: lets the session call the SmartSession module itself. */
    public boolean isAdminFallback() {
        return actionTarget.equals(FALLBACK_TARGET) && actionTargetSelector.equals(Selector.FALLBACK_SMART_SESSION);
    }
}
