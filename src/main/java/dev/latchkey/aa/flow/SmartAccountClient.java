package dev.latchkey.aa.flow;

import dev.latchkey.aa.account.AccountSpec;
import dev.latchkey.aa.account.AccountEncoding;
import dev.latchkey.aa.account.AccountSetup;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint192;

/**
 * One smart account on one chain: its address, how it is created (initCode) and encoded (its {@link AccountEncoding}),
 * whether it is deployed, and EntryPoint nonces per key.
 */
public final class SmartAccountClient {

    private final EvmClient client;
    private final ChainAddresses chain;
    private final AccountSetup setup;
    private final AccountEncoding encoding;
    private final Address address;

    /** A LatchkeyAccount of {@code spec}: its counterfactual address asked from our factory. */
    public SmartAccountClient(EvmClient client, ChainAddresses chain, AccountSpec spec) {
        this(client, chain, new AccountSetup.Latchkey(chain.factory(), spec), new AccountEncoding.Latchkey(chain.ownableValidator()),
                latchkeyAddress(client, chain, spec));
    }

    public SmartAccountClient(EvmClient client, ChainAddresses chain, AccountSetup setup, AccountEncoding encoding, Address address) {
        this.client = client;
        this.chain = chain;
        this.setup = setup;
        this.encoding = encoding;
        this.address = address;
    }

    private static Address latchkeyAddress(EvmClient client, ChainAddresses chain, AccountSpec spec) {
        String data = Abi.call("getAddress(bytes32,bytes,bytes)", new Bytes32(spec.salt().bytes()),
                new DynamicBytes(spec.ownerValidatorInitData().bytes()), new DynamicBytes(spec.smartSessionInitData().bytes()));
        return Address.parse("account", Abi.address(client.call(chain.factory().hex(), data), 0));
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

    public AccountEncoding encoding() {
        return encoding;
    }

    /** The factory of the first operation (empty for an imported account, which exists already). */
    public Optional<Address> factory() {
        return setup.factory();
    }

    /** The factory calldata of the first operation (empty when there is no factory). */
    public HexBytes factoryData() {
        return setup.factoryData();
    }

    /** v0.6-style initCode: {@code factory ‖ factory calldata}; empty without a factory. */
    public HexBytes initCode() {
        return setup.factory().map(f -> HexBytes.of(f.bytes()).concat(factoryData())).orElse(HexBytes.EMPTY);
    }

    public boolean isDeployed() {
        return client.hasCode(address.hex());
    }

    /** The operation {@code op} with this account's initCode when it is not deployed yet. */
    public dev.latchkey.aa.userop.UserOperation withInitCodeIfNeeded(dev.latchkey.aa.userop.UserOperation op) {
        if (isDeployed()) return op;
        Address f = setup.factory().orElseThrow(() -> new IllegalStateException("account " + address.checksummed()
                + " has no code and no known factory"));
        return op.withFactory(f, factoryData());
    }

    /** {@code EntryPoint.getNonce(account, key)} (0x35567e1a): {@code key << 64 | next sequence}. */
    public BigInteger nonce(BigInteger key) {
        return Abi.word(client.call(chain.entryPoint().hex(), Abi.call("getNonce(address,uint192)",
                new org.web3j.abi.datatypes.Address(address.hex()), new Uint192(key))), 0);
    }
}
