package dev.latchkey.session.policy;

import dev.latchkey.session.model.FieldException;
import java.util.Locale;

/** {@code UniActionPolicy.ParamCondition}, in on-chain order; JSON names as in @rhinestone/sdk. */
public enum ParamCondition {
    EQUAL("equal"), GREATER_THAN("greaterThan"), LESS_THAN("lessThan"), GREATER_THAN_OR_EQUAL("greaterThanOrEqual"),
    LESS_THAN_OR_EQUAL("lessThanOrEqual"), NOT_EQUAL("notEqual"), IN_RANGE("inRange");

    private final String jsonName;

    ParamCondition(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static ParamCondition fromJson(String field, String name) {
        for (ParamCondition c : values()) {
            if (c.jsonName.equals(name) || c.name().equals(name.toUpperCase(Locale.ROOT))) return c;
        }
        throw new FieldException(field, "unknown condition: " + name);
    }

    public static ParamCondition fromCode(String field, int code) {
        if (code < 0 || code >= values().length) throw new FieldException(field, "unknown condition code: " + code);
        return values()[code];
    }
}
