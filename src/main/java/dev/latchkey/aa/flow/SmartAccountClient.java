package dev.latchkey.aa.flow;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint192;

/**
 * One LatchkeyAccount on one chain: its counterfactual address (asked from the factory), initCode, whether it is
 * deployed, and EntryPoint nonces per key.
 */
public final class SmartAccountClient {

    private final EvmClient client;
    private final ChainAddresses chain;
    private final AccountSpec spec;
    private final Address address;

    public SmartAccountClient(EvmClient client, ChainAddresses chain, AccountSpec spec) {
        this.client = client;
        this.chain = chain;
        this.spec = spec;
        String data = Abi.call("getAddress(bytes32,bytes,bytes)", new Bytes32(spec.salt().bytes()),
                new DynamicBytes(spec.ownerValidatorInitData().bytes()), new DynamicBytes(spec.smartSessionInitData().bytes()));
        this.address = Address.parse("account", Abi.address(client.call(chain.factory().hex(), data), 0));
    }

    public Address address() {
        return address;
    }

    public ChainAddresses chain() {
        return chain;
    }

    public EvmClient client() {
        return client;
    }

    /** {@code createAccount(salt, ownerValidatorInitData, smartSessionInitData)}: the factoryData of the first operation. */
    public HexBytes factoryData() {
        return HexBytes.parse("factoryData", Abi.call("createAccount(bytes32,bytes,bytes)", new Bytes32(spec.salt().bytes()),
                new DynamicBytes(spec.ownerValidatorInitData().bytes()), new DynamicBytes(spec.smartSessionInitData().bytes())));
    }

    /** v0.6-style initCode: {@code factory ‖ createAccount calldata}. */
    public HexBytes initCode() {
        return HexBytes.of(chain.factory().bytes()).concat(factoryData());
    }

    public boolean isDeployed() {
        return client.hasCode(address.hex());
    }

    /** {@code EntryPoint.getNonce(account, key)} (0x35567e1a): {@code key << 64 | next sequence}. */
    public BigInteger nonce(BigInteger key) {
        return Abi.word(client.call(chain.entryPoint().hex(), Abi.call("getNonce(address,uint192)",
                new org.web3j.abi.datatypes.Address(address.hex()), new Uint192(key))), 0);
    }
}
