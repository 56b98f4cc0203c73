package dev.latchkey.trade.catalog;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.web3j.crypto.Hash;

/**
 * A function of the catalog: name, canonical signature, selector (computed: first 4 bytes of keccak256 of the
 * signature), the parameters and the flattened argument fields with their calldata offsets (computed from the ABI).
 */
public record CatalogFunction(ContractKind contract, String name, String signature, Selector selector, List<AbiParam> params,
        List<CatalogField> fields, boolean isView) {

    public CatalogFunction {
        params = List.copyOf(params);
        fields = List.copyOf(fields);
    }

    public static CatalogFunction of(ContractKind contract, String name, boolean isView, AbiParam... params) {
        String signature = name + Arrays.stream(params).map(AbiParam::canonicalType).collect(Collectors.joining(",", "(", ")"));
        byte[] hash = Hash.sha3(signature.getBytes(StandardCharsets.US_ASCII));
        List<CatalogField> fields = new ArrayList<>();
        layout(List.of(params), 0, true, fields);
        return new CatalogFunction(contract, name, signature, Selector.of(Arrays.copyOf(hash, 4)), List.of(params), fields, isView);
    }

    /**
     * Canonical ABI layout: static parameters (tuples inline) take consecutive head words; a dynamic parameter
     * takes an offset word in the head and its data in the tail. Fields inside a dynamic tuple get their canonical
     * tail position and are marked not rule-safe.
     */
    private static void layout(List<AbiParam> ps, long base, boolean safe, List<CatalogField> out) {
        long head = base;
        long tail = base + 32L * ps.stream().mapToInt(p -> p.isDynamic() ? 1 : p.staticWords()).sum();
        boolean tailKnown = true;
        for (AbiParam p : ps) {
            if (!p.isDynamic()) {
                if (p.isTuple()) layout(p.components(), head, safe, out);
                else out.add(new CatalogField(p.name(), p.type(), head, safe, p.unitOf(), p.bits()));
                head += 32L * p.staticWords();
                continue;
            }
            if (p.isTuple()) {
                if (!tailKnown) throw new IllegalArgumentException(p.name() + ": position after a variable-size tail is not static");
                layout(p.components(), tail, false, out);
                tailKnown = false;
            } else {
                out.add(new CatalogField(p.name(), p.type(), head, false, p.unitOf(), 0));
            }
            head += 32;
        }
    }

    public boolean isStatic() {
        return params.stream().noneMatch(AbiParam::isDynamic);
    }

    /** The field named {@code name}; an unknown name is a programming error. */
    public CatalogField field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new FieldException("field", signature + " has no argument " + name));
    }

    /** The UniAction offset of {@code name}; refuses fields whose position is not fixed. */
    public long ruleOffset(String name) {
        CatalogField f = field(name);
        if (!f.ruleSafe()) throw new FieldException(name, signature + ": " + name + " sits behind an ABI offset; no calldata rule may rely on it");
        return f.offset();
    }

    /** Calldata size of a static function: selector + one word per field. */
    public int staticCallDataLength() {
        if (!isStatic()) throw new IllegalStateException(signature + " is dynamic");
        return 4 + 32 * fields.size();
    }
}
