package dev.latchkey.trade.catalog;

import dev.latchkey.session.model.FieldException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One parameter of a catalog function, as in the Solidity interface: a name, an elementary type (address, uintN,
 * bytes) or a tuple of components. {@code unitOf} names the address field (or {@code "target"}) whose token
 * denominates an amount, for review screens.
 */
public record AbiParam(String name, String type, List<AbiParam> components, Optional<String> unitOf) {

    public AbiParam {
        if (name == null || name.isBlank()) throw new FieldException("param.name", "missing");
        if (type == null || !type.matches("address|bool|bytes|bytes32|uint(8|16|24|32|64|128|160|256)|tuple")) {
            throw new FieldException("param.type", "unsupported type " + type);
        }
        components = List.copyOf(components);
        if (type.equals("tuple") == components.isEmpty()) throw new FieldException("param.components", "only a tuple has components");
        if (unitOf == null) throw new FieldException("param.unitOf", "missing");
    }

    public static AbiParam of(String name, String type) {
        return new AbiParam(name, type, List.of(), Optional.empty());
    }

    /** An amount denominated in the token named by {@code unitOf} (an address parameter, or "target"). */
    public static AbiParam amount(String name, String unitOf) {
        return new AbiParam(name, "uint256", List.of(), Optional.of(unitOf));
    }

    public static AbiParam tuple(String name, AbiParam... components) {
        return new AbiParam(name, "tuple", List.of(components), Optional.empty());
    }

    public boolean isTuple() {
        return type.equals("tuple");
    }

    public boolean isDynamic() {
        return type.equals("bytes") || components.stream().anyMatch(AbiParam::isDynamic);
    }

    /** The type as it appears in the canonical signature: tuples become {@code (t1,t2,…)}. */
    public String canonicalType() {
        return isTuple() ? components.stream().map(AbiParam::canonicalType).collect(Collectors.joining(",", "(", ")")) : type;
    }

    /** Head size in words when static (tuples inline). */
    int staticWords() {
        return isTuple() ? components.stream().mapToInt(AbiParam::staticWords).sum() : 1;
    }

    /** Bits of a uintN, 160 for address, 1 for bool; 0 otherwise. */
    public int bits() {
        if (type.equals("address")) return 160;
        if (type.equals("bool")) return 1;
        if (type.equals("bytes32")) return 256;
        return type.startsWith("uint") ? Integer.parseInt(type.substring(4)) : 0;
    }
}
