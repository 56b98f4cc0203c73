package dev.latchkey.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The stored form of a {@link RuleSpec}: compact JSON (sealed under the DEK by the keystore). Amounts as decimal strings. */
public final class RuleSpecCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleSpecCodec() { }

    public static byte[] encode(RuleSpec spec) {
        ObjectNode n = toJson(spec);
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a rule", e);
        }
    }

    /** The JSON tree (also what {@code automation list --json} shows). */
    public static ObjectNode toJson(RuleSpec spec) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", spec.kind());
        switch (spec) {
            case RuleSpec.LimitOrder l -> {
                n.put("base", l.base()).put("quote", l.quote()).put("fee", l.fee()).put("side", l.side().name())
                        .put("amount", l.amount().toString()).put("price", l.price().toPlainString()).put("maxSlippageBps", l.maxSlippageBps());
            }
            case RuleSpec.StopOrder s -> {
                n.put("base", s.base()).put("quote", s.quote()).put("fee", s.fee()).put("amount", s.amount().toString())
                        .put("stopLoss", s.stopLoss() == null ? null : s.stopLoss().toPlainString())
                        .put("takeProfit", s.takeProfit() == null ? null : s.takeProfit().toPlainString())
                        .put("maxSlippageBps", s.maxSlippageBps());
            }
            case RuleSpec.RecurringPayment r -> {
                n.put("mode", r.mode().name()).put("token", r.token())
                        .put("recipient", r.recipient() == null ? null : r.recipient().hex())
                        .put("toToken", r.toToken()).put("fee", r.fee()).put("amount", r.amount().toString())
                        .put("periodSeconds", r.periodSeconds()).put("start", r.start()).put("end", r.end())
                        .put("maxPayments", r.maxPayments()).put("maxSlippageBps", r.maxSlippageBps());
            }
            case RuleSpec.AutoRepay a -> {
                n.put("asset", a.asset()).put("threshold", a.threshold().toPlainString()).put("target", a.target().toPlainString())
                        .put("maxPerRepay", a.maxPerRepay().toString());
            }
        }
        return n;
    }

    public static RuleSpec decode(byte[] bytes) {
        JsonNode n;
        try {
            n = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FieldException("rule", "stored rule is not JSON: " + e.getMessage());
        }
        String kind = text(n, "kind");
        return switch (kind) {
            case "LIMIT_ORDER" -> new RuleSpec.LimitOrder(text(n, "base"), text(n, "quote"), n.path("fee").asInt(),
                    RuleSpec.Side.valueOf(text(n, "side").toUpperCase(Locale.ROOT)), big(n, "amount"), dec(n, "price"), n.path("maxSlippageBps").asInt());
            case "STOP" -> new RuleSpec.StopOrder(text(n, "base"), text(n, "quote"), n.path("fee").asInt(), big(n, "amount"),
                    dec(n, "stopLoss"), dec(n, "takeProfit"), n.path("maxSlippageBps").asInt());
            case "RECURRING" -> new RuleSpec.RecurringPayment(RuleSpec.Mode.valueOf(text(n, "mode")), text(n, "token"),
                    n.path("recipient").isTextual() ? Address.parse("recipient", n.get("recipient").asText()) : null,
                    n.path("toToken").isTextual() ? n.get("toToken").asText() : null, n.path("fee").asInt(), big(n, "amount"),
                    n.path("periodSeconds").asLong(), n.path("start").asLong(), n.path("end").asLong(), n.path("maxPayments").asLong(),
                    n.path("maxSlippageBps").asInt());
            case "AUTO_REPAY" -> new RuleSpec.AutoRepay(text(n, "asset"), dec(n, "threshold"), dec(n, "target"), big(n, "maxPerRepay"));
            default -> throw new FieldException("kind", "unknown rule kind " + kind);
        };
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new FieldException(field, "missing");
        return v.asText();
    }

    private static BigInteger big(JsonNode n, String field) {
        return dev.latchkey.session.model.NumberText.decimal(field, text(n, field)).toBigIntegerExact();
    }

    private static BigDecimal dec(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : dev.latchkey.session.model.NumberText.decimal(field, v.asText());
    }
}
