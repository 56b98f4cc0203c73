package dev.latchkey.session.json;

import static dev.latchkey.session.json.Json.address;
import static dev.latchkey.session.json.Json.has;
import static dev.latchkey.session.json.Json.list;
import static dev.latchkey.session.json.Json.onlyFields;
import static dev.latchkey.session.json.Json.text;
import static dev.latchkey.session.json.Json.uint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyKind;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;

/** Typed policies as JSON ({@code {"type": "...", ...}}), see docs/session-format.md. */
public final class PolicyJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PolicyJson() { }

    public static Policy read(String path, JsonNode n) {
        Json.object(path, n);
        PolicyKind kind = PolicyKind.fromJson(path + ".type", has(n, "type") ? n.get("type").asText() : null);
        try {
            return switch (kind) {
                case SUDO -> {
                    onlyFields(path, n, Set.of("type"));
                    yield new Policy.Sudo();
                }
                case UNIVERSAL_ACTION -> {
                    onlyFields(path, n, Set.of("type", "valueLimitPerUse", "rules"));
                    yield new Policy.UniversalAction(has(n, "valueLimitPerUse") ? uint(path, n, "valueLimitPerUse", 256) : BigInteger.ZERO,
                            list(path, n, "rules", PolicyJson::rule));
                }
                case SPENDING_LIMITS -> {
                    onlyFields(path, n, Set.of("type", "limits"));
                    yield new Policy.SpendingLimits(list(path, n, "limits", PolicyJson::tokenLimit));
                }
                case TIME_FRAME -> {
                    onlyFields(path, n, Set.of("type", "validUntil", "validAfter"));
                    yield new Policy.TimeFrame(Json.seconds(path, n, "validUntil", 48), has(n, "validAfter") ? Json.seconds(path, n, "validAfter", 48) : 0);
                }
                case USAGE_LIMIT -> {
                    onlyFields(path, n, Set.of("type", "limit"));
                    yield new Policy.UsageLimit(uint(path, n, "limit", 128));
                }
                case VALUE_LIMIT -> {
                    onlyFields(path, n, Set.of("type", "limit"));
                    yield new Policy.ValueLimit(uint(path, n, "limit", 256));
                }
                case PERIODIC_SPENDING_LIMIT -> {
                    onlyFields(path, n, Set.of("type", "limits", "period"));
                    yield new Policy.PeriodicSpendingLimit(list(path, n, "limits", PolicyJson::tokenLimit), Json.durationSeconds(path, n, "period", 48));
                }
                case RATE_LIMIT -> {
                    onlyFields(path, n, Set.of("type", "maxUses", "interval"));
                    yield new Policy.RateLimit(uint(path, n, "maxUses", 32).longValueExact(), Json.durationSeconds(path, n, "interval", 48));
                }
                case GAS_COST_LIMIT -> {
                    onlyFields(path, n, Set.of("type", "costLimit"));
                    yield new Policy.GasCostLimit(uint(path, n, "costLimit", 256));
                }
                case OPERATION_DEADLINE -> {
                    onlyFields(path, n, Set.of("type"));
                    yield new Policy.OperationDeadline();
                }
                case CUSTOM -> {
                    onlyFields(path, n, Set.of("type", "address", "initData"));
                    yield new Policy.Custom(address(path, n, "address"), Json.hex(path, n, "initData"));
                }
            };
        } catch (FieldException e) {
            throw e.field().startsWith(path) ? e : new FieldException(Json.join(path, e.field()), e.getMessage().substring(e.field().length() + 2));
        }
    }

    private static ParamRule rule(String path, JsonNode n) {
        onlyFields(path, n, Set.of("condition", "calldataOffset", "referenceValue", "usageLimit"));
        JsonNode refNode = Json.required(path, n, "referenceValue");
        BigInteger ref;
        if (refNode.isTextual() && refNode.asText().startsWith("0x")) {
            var b = Json.hex(path, n, "referenceValue");
            if (b.length() > 32) throw new FieldException(path + ".referenceValue", "longer than 32 bytes");
            ref = new BigInteger(1, b.unsafeBytes());
        } else {
            ref = uint(path, n, "referenceValue", 256);
        }
        return new ParamRule(ParamCondition.fromJson(path + ".condition", text(path, n, "condition")),
                uint(path, n, "calldataOffset", 64), ref,
                has(n, "usageLimit") ? Optional.of(uint(path, n, "usageLimit", 256)) : Optional.empty());
    }

    private static Policy.TokenLimit tokenLimit(String path, JsonNode n) {
        onlyFields(path, n, Set.of("token", "amount"));
        try {
            return new Policy.TokenLimit(address(path, n, "token"), uint(path, n, "amount", 256));
        } catch (FieldException e) {
            throw e.field().startsWith(path) ? e : new FieldException(Json.join(path, e.field()), e.getMessage().substring(e.field().length() + 2));
        }
    }

    public static ObjectNode write(Policy p) {
        ObjectNode n = F.objectNode().put("type", p.kind().jsonName());
        switch (p) {
            case Policy.Sudo s -> { }
            case Policy.UniversalAction u -> {
                n.put("valueLimitPerUse", u.valueLimitPerUse().toString());
                ArrayNode rules = n.putArray("rules");
                for (ParamRule r : u.rules()) {
                    ObjectNode rn = rules.addObject().put("condition", r.condition().jsonName())
                            .put("calldataOffset", r.calldataOffset().toString())
                            .put("referenceValue", "0x" + String.format("%64s", r.referenceValue().toString(16)).replace(' ', '0'));
                    r.usageLimit().ifPresent(l -> rn.put("usageLimit", l.toString()));
                }
            }
            case Policy.SpendingLimits s -> writeLimits(n, s.limits());
            case Policy.TimeFrame t -> n.put("validUntil", t.validUntil()).put("validAfter", t.validAfter());
            case Policy.UsageLimit u -> n.put("limit", u.limit().toString());
            case Policy.ValueLimit v -> n.put("limit", v.limit().toString());
            case Policy.PeriodicSpendingLimit ps -> {
                writeLimits(n, ps.limits());
                n.put("period", ps.period());
            }
            case Policy.RateLimit rl -> n.put("maxUses", rl.maxUses()).put("interval", rl.interval());
            case Policy.GasCostLimit g -> n.put("costLimit", g.costLimit().toString());
            case Policy.OperationDeadline o -> { }
            case Policy.Custom c -> n.put("address", c.policy().hex()).put("initData", c.initData().hex());
        }
        return n;
    }

    private static void writeLimits(ObjectNode n, java.util.List<Policy.TokenLimit> limits) {
        ArrayNode a = n.putArray("limits");
        limits.forEach(l -> a.addObject().put("token", l.token().hex()).put("amount", l.amount().toString()));
    }
}
