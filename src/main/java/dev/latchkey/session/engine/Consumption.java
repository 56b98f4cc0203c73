package dev.latchkey.session.engine;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/** What earlier checks of the same operation consumed (a batch can hit one policy state several times). */
final class Consumption {

    private record Key(Address policy, HexBytes configId, String slot) { }

    private final Map<Key, BigInteger> added = new HashMap<>();

    BigInteger get(Address policy, HexBytes configId, String slot) {
        return added.getOrDefault(new Key(policy, configId, slot), BigInteger.ZERO);
    }

    void add(Address policy, HexBytes configId, String slot, BigInteger amount) {
        added.merge(new Key(policy, configId, slot), amount, BigInteger::add);
    }
}
