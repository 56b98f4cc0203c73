package dev.latchkey.session.policy;

import dev.latchkey.session.model.FieldException;

/** Policy types, with their JSON {@code type} names and which checks the contract implements. */
public enum PolicyKind {
    SUDO("sudo", true, true, true),
    UNIVERSAL_ACTION("universal-action", false, true, false),
    SPENDING_LIMITS("spending-limits", false, true, false),
    TIME_FRAME("time-frame", true, true, true),
    USAGE_LIMIT("usage-limit", true, true, false),
    VALUE_LIMIT("value-limit", true, true, false),
    PERIODIC_SPENDING_LIMIT("periodic-spending-limit", false, true, false),
    RATE_LIMIT("rate-limit", true, true, false),
    GAS_COST_LIMIT("gas-cost-limit", true, false, false),
    OPERATION_DEADLINE("operation-deadline", true, false, false),
    CUSTOM("custom", true, true, true);

    private final String jsonName;
    private final boolean userOp;
    private final boolean action;
    private final boolean erc1271;

    PolicyKind(String jsonName, boolean userOp, boolean action, boolean erc1271) {
        this.jsonName = jsonName;
        this.userOp = userOp;
        this.action = action;
        this.erc1271 = erc1271;
    }

    public String jsonName() { return jsonName; }
    public boolean supportsUserOp() { return userOp; }
    public boolean supportsAction() { return action; }
    public boolean supportsErc1271() { return erc1271; }

    public static PolicyKind fromJson(String field, String name) {
        if (name == null) throw new FieldException(field, "missing");
        for (PolicyKind k : values()) {
            if (k.jsonName.equals(name)) return k;
        }
        throw new FieldException(field, "unknown policy type: " + name);
    }
}
