package dev.latchkey.session.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** Strict readers over a Jackson tree: every error names the JSON path of the field. */
final class Json {

    private Json() { }

    static void onlyFields(String path, JsonNode n, Set<String> allowed) {
        object(path, n);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) throw new FieldException(join(path, f), "unknown field");
        }
    }

    static JsonNode object(String path, JsonNode n) {
        if (n == null || !n.isObject()) throw new FieldException(path.isEmpty() ? "$" : path, "expected a JSON object");
        return n;
    }

    static boolean has(JsonNode n, String f) {
        return n.has(f) && !n.get(f).isNull();
    }

    static JsonNode required(String path, JsonNode n, String f) {
        if (!has(n, f)) throw new FieldException(join(path, f), "missing");
        return n.get(f);
    }

    static String text(String path, JsonNode n, String f) {
        JsonNode v = required(path, n, f);
        if (!v.isTextual()) throw new FieldException(join(path, f), "expected a string");
        return v.asText();
    }

    static Address address(String path, JsonNode n, String f) {
        return Address.parse(join(path, f), text(path, n, f));
    }

    static Selector selector(String path, JsonNode n, String f) {
        return Selector.parse(join(path, f), text(path, n, f));
    }

    static HexBytes hex(String path, JsonNode n, String f) {
        return HexBytes.parse(join(path, f), text(path, n, f));
    }

    static HexBytes bytes32(String path, JsonNode n, String f) {
        return HexBytes.parseFixed(join(path, f), text(path, n, f), 32);
    }

    static boolean bool(String path, JsonNode n, String f) {
        JsonNode v = required(path, n, f);
        if (!v.isBoolean()) throw new FieldException(join(path, f), "expected true or false");
        return v.asBoolean();
    }

    /** An unsigned integer of {@code bits}: a JSON integer, a decimal string or a 0x-hex string. */
    static BigInteger uint(String path, JsonNode n, String f, int bits) {
        return uint(join(path, f), required(path, n, f), bits);
    }

    static BigInteger uint(String field, JsonNode v, int bits) {
        if (v.isIntegralNumber()) return UInt.check(field, v.bigIntegerValue(), bits);
        if (v.isTextual()) return UInt.parse(field, v.asText(), bits);
        throw new FieldException(field, "expected an integer or a decimal/0x string");
    }

    /** A unix time in seconds, or an ISO-8601 instant such as {@code 2030-01-01T00:00:00Z}. */
    static long seconds(String path, JsonNode n, String f, int bits) {
        JsonNode v = required(path, n, f);
        if (v.isTextual() && v.asText().contains("T")) {
            try {
                return UInt.check(join(path, f), Instant.parse(v.asText()).getEpochSecond(), bits);
            } catch (DateTimeParseException e) {
                throw new FieldException(join(path, f), "not an ISO-8601 instant: " + v.asText());
            }
        }
        return uint(join(path, f), v, bits).longValueExact();
    }

    /** A duration in seconds, or an ISO-8601 duration such as {@code P1D} / {@code PT1H}. */
    static long durationSeconds(String path, JsonNode n, String f, int bits) {
        JsonNode v = required(path, n, f);
        if (v.isTextual() && v.asText().startsWith("P")) {
            try {
                return UInt.check(join(path, f), Duration.parse(v.asText()).toSeconds(), bits);
            } catch (DateTimeParseException e) {
                throw new FieldException(join(path, f), "not an ISO-8601 duration: " + v.asText());
            }
        }
        return uint(join(path, f), v, bits).longValueExact();
    }

    static <T> List<T> list(String path, JsonNode n, String f, BiFunction<String, JsonNode, T> element) {
        JsonNode v = required(path, n, f);
        String p = join(path, f);
        if (!v.isArray()) throw new FieldException(p, "expected an array");
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) out.add(element.apply(p + "[" + i + "]", v.get(i)));
        return out;
    }

    static String join(String path, String f) {
        return path.isEmpty() ? f : path + "." + f;
    }
}
