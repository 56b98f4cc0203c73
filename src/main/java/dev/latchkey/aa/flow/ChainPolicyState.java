package dev.latchkey.aa.flow;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * {@link PolicyState} read live from the policy contracts' getters (docs/policies.md), for one account under
 * SmartSession as multiplexer. Every read is an {@code eth_call} at the latest block.
 */
public final class ChainPolicyState implements PolicyState {

    private final EvmClient client;
    private final Address multiplexer;
    private final Address account;

    public ChainPolicyState(EvmClient client, Address smartSession, Address account) {
        this.client = client;
        this.multiplexer = smartSession;
        this.account = account;
    }

    @Override
    public BigInteger usageUsed(Address policy, HexBytes configId) {
        return word(policy, "getUsage(bytes32,address,address)", 0, id(configId), addr(multiplexer), addr(account));
    }

    @Override
    public BigInteger valueUsed(Address policy, HexBytes configId) {
        return word(policy, "getUsage(bytes32,address,address)", 0, id(configId), addr(multiplexer), addr(account));
    }

    @Override
    public Spending spending(Address policy, HexBytes configId, Address token) {
        String r = read(policy, "getPolicyData(bytes32,address,address,address)", id(configId), addr(multiplexer), addr(token), addr(account));
        return new Spending(Abi.word(r, 0), Abi.word(r, 1));
    }

    @Override
    public Window periodicBudget(Address policy, HexBytes configId, Address token) {
        String r = read(policy, "getBudget(bytes32,address,address,address)", id(configId), addr(multiplexer), addr(token), addr(account));
        return new Window(Abi.word(r, 0), Abi.word(r, 2).longValueExact());
    }

    @Override
    public Window rateLimit(Address policy, HexBytes configId) {
        String r = read(policy, "getRateLimit(bytes32,address,address)", id(configId), addr(multiplexer), addr(account));
        return new Window(Abi.word(r, 0), Abi.word(r, 2).longValueExact());
    }

    @Override
    public BigInteger gasCostUsed(Address policy, HexBytes configId) {
        return word(policy, "getUsage(bytes32,address,address)", 0, id(configId), addr(multiplexer), addr(account));
    }

    @Override
    public BigInteger ruleUsed(Address policy, HexBytes configId, int ruleIndex) {
        return word(policy, "getRuleUsage(bytes32,address,address,uint256)", 0, id(configId), addr(multiplexer), addr(account),
                new Uint256(ruleIndex));
    }

    private BigInteger word(Address policy, String signature, int index, Type<?>... args) {
        return Abi.word(read(policy, signature, args), index);
    }

    @SuppressWarnings("rawtypes")
    private String read(Address policy, String signature, Type... args) {
        return client.call(policy.hex(), Abi.call(signature, args));
    }

    private static Bytes32 id(HexBytes configId) {
        return new Bytes32(configId.bytes());
    }

    private static org.web3j.abi.datatypes.Address addr(Address a) {
        return new org.web3j.abi.datatypes.Address(a.hex());
    }
}
