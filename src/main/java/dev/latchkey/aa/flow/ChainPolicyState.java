package dev.latchkey.aa.flow;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.RpcException;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.engine.UnrecognizedPolicyException;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.Locale;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.utils.Numeric;

/**
 * {@link PolicyState} read live from the policy contracts, for one account under SmartSession as multiplexer. Every
 * read is an {@code eth_call} (or {@code eth_getStorageAt}) at the latest block. The six canonical kinds are read
 * through the canonical Smart Sessions v1 getters (docs/policies.md §1), which our builds of them expose unchanged,
 * so one reader is right on both stacks; our own policies through their own getters (§2). A getter that is missing,
 * reverts unexpectedly or answers short is an {@link UnrecognizedPolicyException}, never a network error.
 */
public final class ChainPolicyState implements PolicyState {

    private static final String CONFIG_MUX_ACCOUNT = "(bytes32,address,address)";
    /** ERC20SpendingLimitPolicy's answer for a token it has no limit for: {@code InvalidTokenAddress(address)}. */
    static final String INVALID_TOKEN_ADDRESS = Abi.selector("InvalidTokenAddress(address)");

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
        return word("UsageLimitPolicy", policy, "getUsed" + CONFIG_MUX_ACCOUNT, 0, id(configId), addr(multiplexer), addr(account));
    }

    @Override
    public BigInteger valueUsed(Address policy, HexBytes configId) {
        return word("ValueLimitPolicy", policy, "getUsed" + CONFIG_MUX_ACCOUNT, 0, id(configId), addr(multiplexer), addr(account));
    }

    /** Canonical order {@code (spendingLimit, alreadySpent, approvedAmount)}; a token without a limit reverts, read as none. */
    @Override
    public Spending spending(Address policy, HexBytes configId, Address token) {
        String signature = "getPolicyData(bytes32,address,address,address)";
        String r;
        try {
            r = client.call(policy.hex(), Abi.call(signature, id(configId), addr(multiplexer), addr(token), addr(account)));
        } catch (RpcException e) {
            if (e.data() != null && e.data().toLowerCase(Locale.ROOT).startsWith(INVALID_TOKEN_ADDRESS)) return Spending.NONE;
            throw unrecognizedOrNetwork("ERC20SpendingLimitPolicy", policy, signature, e);
        }
        return new Spending(word("ERC20SpendingLimitPolicy", policy, signature, r, 1),
                word("ERC20SpendingLimitPolicy", policy, signature, r, 2));
    }

    @Override
    public Window periodicBudget(Address policy, HexBytes configId, Address token) {
        String signature = "getBudget(bytes32,address,address,address)";
        String r = read("PeriodicSpendingLimitPolicy", policy, signature, id(configId), addr(multiplexer), addr(token), addr(account));
        return new Window(word("PeriodicSpendingLimitPolicy", policy, signature, r, 0),
                word("PeriodicSpendingLimitPolicy", policy, signature, r, 2).longValueExact());
    }

    @Override
    public Window rateLimit(Address policy, HexBytes configId) {
        String signature = "getRateLimit" + CONFIG_MUX_ACCOUNT;
        String r = read("RateLimitPolicy", policy, signature, id(configId), addr(multiplexer), addr(account));
        return new Window(word("RateLimitPolicy", policy, signature, r, 0), word("RateLimitPolicy", policy, signature, r, 2).longValueExact());
    }

    @Override
    public BigInteger gasCostUsed(Address policy, HexBytes configId) {
        return word("GasCostLimitPolicy", policy, "getUsage" + CONFIG_MUX_ACCOUNT, 0, id(configId), addr(multiplexer), addr(account));
    }

    /**
     * Through the canonical public getter {@code actionConfigs}: Solidity leaves out only top-level arrays, so the
     * nested {@code ParamRules} comes back whole — a static tuple of valueLimitPerUse, length and 16 rules of six
     * words (condition, offset, isLimited, ref, limit, used).
     */
    @Override
    public BigInteger ruleUsed(Address policy, HexBytes configId, int ruleIndex) {
        if (ruleIndex < 0 || ruleIndex >= 16) throw new IllegalArgumentException("UniActionPolicy has rules 0..15, not " + ruleIndex);
        return word("UniActionPolicy", policy, "actionConfigs" + CONFIG_MUX_ACCOUNT, 2 + 6 * ruleIndex + 5,
                id(configId), addr(multiplexer), addr(account));
    }

    private BigInteger word(String kind, Address policy, String signature, int index, Type<?>... args) {
        return word(kind, policy, signature, read(kind, policy, signature, args), index);
    }

    private static BigInteger word(String kind, Address policy, String signature, String answer, int index) {
        try {
            return Abi.word(answer, index);
        } catch (IllegalArgumentException e) {
            throw new UnrecognizedPolicyException(kind, policy, signature,
                    "it answered " + (Numeric.cleanHexPrefix(answer).length() / 2) + " bytes");
        }
    }

    @SuppressWarnings("rawtypes")
    private String read(String kind, Address policy, String signature, Type... args) {
        try {
            return client.call(policy.hex(), Abi.call(signature, args));
        } catch (RpcException e) {
            throw unrecognizedOrNetwork(kind, policy, signature, e);
        }
    }

    /** A node that answered with a revert is the policy speaking; anything else (no answer, a node error) stays a network error. */
    private static RuntimeException unrecognizedOrNetwork(String kind, Address policy, String signature, RpcException e) {
        if (!reverted(e)) return e;
        String data = e.data() == null || e.data().equals("0x") ? "the call reverted without data" : "the call reverted with " + e.data();
        return new UnrecognizedPolicyException(kind, policy, signature, data);
    }

    static boolean reverted(RpcException e) {
        return e.code() != 0 && (e.code() == 3 || (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("revert")));
    }

    private static Bytes32 id(HexBytes configId) {
        return new Bytes32(configId.bytes());
    }

    private static org.web3j.abi.datatypes.Address addr(Address a) {
        return new org.web3j.abi.datatypes.Address(a.hex());
    }
}
