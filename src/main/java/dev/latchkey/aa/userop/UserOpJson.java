package dev.latchkey.aa.userop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The ERC-4337 v0.7 bundler JSON form ({@code eth_sendUserOperation}): quantities as 0x-hex, optional
 * {@code factory}/{@code factoryData} and {@code paymaster*} fields, null or absent when unused.
 */
public final class UserOpJson {

    private static final Set<String> FIELDS = Set.of("sender", "nonce", "factory", "factoryData", "callData", "callGasLimit",
            "verificationGasLimit", "preVerificationGas", "maxFeePerGas", "maxPriorityFeePerGas", "paymaster",
            "paymasterVerificationGasLimit", "paymasterPostOpGasLimit", "paymasterData", "signature", "eip7702Auth");

    private UserOpJson() { }

    public static UserOperation read(JsonNode n) {
        if (n == null || !n.isObject()) throw new FieldException("userOperation", "expected a JSON object");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw new FieldException(f, "unknown user operation field");
        }
        Optional<Address> factory = optText(n, "factory").map(t -> Address.parse("factory", t));
        Optional<Address> paymaster = optText(n, "paymaster").map(t -> Address.parse("paymaster", t));
        return new UserOperation(
                Address.parse("sender", text(n, "sender")),
                quantity(n, "nonce", 256, true),
                factory,
                optText(n, "factoryData").map(t -> HexBytes.parse("factoryData", t)).orElse(HexBytes.EMPTY),
                HexBytes.parse("callData", text(n, "callData")),
                quantity(n, "callGasLimit", 128, true),
                quantity(n, "verificationGasLimit", 128, true),
                quantity(n, "preVerificationGas", 256, true),
                quantity(n, "maxFeePerGas", 128, true),
                quantity(n, "maxPriorityFeePerGas", 128, true),
                paymaster,
                quantity(n, "paymasterVerificationGasLimit", 128, false),
                quantity(n, "paymasterPostOpGasLimit", 128, false),
                optText(n, "paymasterData").map(t -> HexBytes.parse("paymasterData", t)).orElse(HexBytes.EMPTY),
                HexBytes.parse("signature", text(n, "signature")));
    }

    public static ObjectNode write(UserOperation op, ObjectMapper mapper) {
        ObjectNode n = mapper.createObjectNode();
        n.put("sender", op.sender().hex());
        n.put("nonce", hex(op.nonce()));
        op.factory().ifPresent(f -> {
            n.put("factory", f.hex());
            n.put("factoryData", op.factoryData().hex());
        });
        n.put("callData", op.callData().hex());
        n.put("callGasLimit", hex(op.callGasLimit()));
        n.put("verificationGasLimit", hex(op.verificationGasLimit()));
        n.put("preVerificationGas", hex(op.preVerificationGas()));
        n.put("maxFeePerGas", hex(op.maxFeePerGas()));
        n.put("maxPriorityFeePerGas", hex(op.maxPriorityFeePerGas()));
        op.paymaster().ifPresent(p -> {
            n.put("paymaster", p.hex());
            n.put("paymasterVerificationGasLimit", hex(op.paymasterVerificationGasLimit()));
            n.put("paymasterPostOpGasLimit", hex(op.paymasterPostOpGasLimit()));
            n.put("paymasterData", op.paymasterData().hex());
        });
        n.put("signature", op.signature().hex());
        return n;
    }

    static String hex(BigInteger v) {
        return "0x" + v.toString(16);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new FieldException(field, "missing");
        if (!v.isTextual()) throw new FieldException(field, "expected a 0x-hex string");
        return v.asText();
    }

    private static Optional<String> optText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual()) throw new FieldException(field, "expected a 0x-hex string");
        return Optional.of(v.asText());
    }

    private static BigInteger quantity(JsonNode n, String field, int bits, boolean required) {
        Optional<String> t = optText(n, field);
        if (t.isEmpty()) {
            if (required) throw new FieldException(field, "missing");
            return BigInteger.ZERO;
        }
        String s = t.get();
        if (!s.startsWith("0x")) throw new FieldException(field, "quantity must be 0x-hex: " + s);
        return UInt.parse(field, s, bits);
    }
}
