package dev.latchkey.session.engine;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/** A {@link PolicyState} held in memory: simulations, tests, and a cache in front of the chain reader. */
public final class InMemoryPolicyState implements PolicyState {

    private record Key(Address policy, HexBytes configId, Object sub) { }

    private final Map<Key, Object> values = new HashMap<>();

    public InMemoryPolicyState putUsage(Address policy, HexBytes configId, BigInteger used) {
        values.put(new Key(policy, configId, "usage"), used);
        return this;
    }

    public InMemoryPolicyState putValue(Address policy, HexBytes configId, BigInteger used) {
        values.put(new Key(policy, configId, "value"), used);
        return this;
    }

    public InMemoryPolicyState putSpending(Address policy, HexBytes configId, Address token, Spending s) {
        values.put(new Key(policy, configId, token), s);
        return this;
    }

    public InMemoryPolicyState putPeriodic(Address policy, HexBytes configId, Address token, Window w) {
        values.put(new Key(policy, configId, "periodic:" + token), w);
        return this;
    }

    public InMemoryPolicyState putRate(Address policy, HexBytes configId, Window w) {
        values.put(new Key(policy, configId, "rate"), w);
        return this;
    }

    public InMemoryPolicyState putGasCost(Address policy, HexBytes configId, BigInteger used) {
        values.put(new Key(policy, configId, "gas"), used);
        return this;
    }

    public InMemoryPolicyState putRuleUsed(Address policy, HexBytes configId, int rule, BigInteger used) {
        values.put(new Key(policy, configId, "rule" + rule), used);
        return this;
    }

    @Override public BigInteger usageUsed(Address p, HexBytes c) { return get(p, c, "usage", BigInteger.ZERO); }
    @Override public BigInteger valueUsed(Address p, HexBytes c) { return get(p, c, "value", BigInteger.ZERO); }
    @Override public Spending spending(Address p, HexBytes c, Address token) { return get(p, c, token, Spending.NONE); }
    @Override public Window periodicBudget(Address p, HexBytes c, Address token) { return get(p, c, "periodic:" + token, Window.NONE); }
    @Override public Window rateLimit(Address p, HexBytes c) { return get(p, c, "rate", Window.NONE); }
    @Override public BigInteger gasCostUsed(Address p, HexBytes c) { return get(p, c, "gas", BigInteger.ZERO); }
    @Override public BigInteger ruleUsed(Address p, HexBytes c, int rule) { return get(p, c, "rule" + rule, BigInteger.ZERO); }

    @SuppressWarnings("unchecked")
    private <T> T get(Address p, HexBytes c, Object sub, T fallback) {
        return (T) values.getOrDefault(new Key(p, c, sub), fallback);
    }
}
