package dev.latchkey.session.policy;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each policy kind is deployed. Both the permission id and the enable digest depend on these, so every one
 * is overridable. {@link #canonical()} holds module-sdk 0.4.0 {@code GLOBAL_CONSTANTS}; Latchkey's own policies
 * have no canonical deployment and must be supplied (e.g. from the devnet manifest).
 */
public record PolicyAddresses(Map<PolicyKind, Address> byKind) {

    public PolicyAddresses {
        if (byKind == null) throw new FieldException("policyAddresses", "missing");
        if (byKind.containsKey(PolicyKind.CUSTOM)) throw new FieldException("policyAddresses.custom", "custom policies carry their own address");
        byKind = Map.copyOf(byKind);
    }

    public static PolicyAddresses canonical() {
        Map<PolicyKind, Address> m = new EnumMap<>(PolicyKind.class);
        m.put(PolicyKind.SUDO, new Address("0x0000000000feec8d74e3143fbabbca515358d869"));
        m.put(PolicyKind.UNIVERSAL_ACTION, new Address("0x0000000000714cf48fcf88a0bfba70d313415032"));
        m.put(PolicyKind.SPENDING_LIMITS, new Address("0x000000000033212e272655d8a22402db819477a6"));
        m.put(PolicyKind.TIME_FRAME, new Address("0x0000000000d30f611fa3bf652ac6879428586930"));
        m.put(PolicyKind.USAGE_LIMIT, new Address("0x00000000001d4479fa2a947026204d0283cede4b"));
        m.put(PolicyKind.VALUE_LIMIT, new Address("0x000000000021dc45451291bcdfc9f0b46d6f0278"));
        return new PolicyAddresses(m);
    }

    /** A copy with {@code kind} deployed at {@code address}. */
    public PolicyAddresses with(PolicyKind kind, Address address) {
        Map<PolicyKind, Address> m = new EnumMap<>(PolicyKind.class);
        m.putAll(byKind);
        m.put(kind, address);
        return new PolicyAddresses(m);
    }

    public Address addressOf(String field, PolicyKind kind) {
        Address a = byKind.get(kind);
        if (a == null) throw new FieldException(field, "no address configured for policy type " + kind.jsonName());
        return a;
    }

    /** The kind deployed at {@code address}, if it is one we know. */
    public Optional<PolicyKind> kindAt(Address address) {
        return byKind.entrySet().stream().filter(e -> e.getValue().equals(address)).map(Map.Entry::getKey).findFirst();
    }
}
