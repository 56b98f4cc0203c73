package dev.latchkey.chain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Where our contracts live on every EVM chain, computed offline from the packaged build: each goes through the
 * deterministic deployment proxy ({@link #PROXY}) with a fixed salt, so its address is CREATE2(proxy, salt, init code)
 * on any chain that has the proxy. The account implementation is created by the factory's constructor, so it sits at
 * the factory's first CREATE address. A changed bytecode (or a changed constructor argument) gives another address.
 */
public final class DeterministicDeployment {

    /** The deterministic deployment proxy (Arachnid), present on nearly every EVM chain and preinstalled in anvil. */
    public static final String PROXY = "0x4e59b44847b379578588920ca78fbf26c0b4956c";
    public static final String CANONICAL_ENTRY_POINT = "0x0000000071727de22e5e9d8baf0edac6f37da032";
    /** The salt the canonical v0.7 EntryPoint was deployed with through {@link #PROXY}. */
    public static final String ENTRY_POINT_SALT = "0x90d8084deab30c2a37c45e8d47f49f2f7965183cb6990a98943ef94940681de3";

    public static final String FACTORY = "LatchkeyAccountFactory";
    public static final String ACCOUNT_IMPLEMENTATION = "LatchkeyAccount";

    /** Modules without constructor arguments, in deployment order; the factory (wired to two of them) comes after. */
    public static final List<String> MODULES = List.of("SmartSession", "SudoPolicy", "UniActionPolicy",
            "ERC20SpendingLimitPolicy", "TimeFramePolicy", "UsageLimitPolicy", "ValueLimitPolicy",
            "PeriodicSpendingLimitPolicy", "RateLimitPolicy", "GasCostLimitPolicy", "OwnableValidator",
            "WebAuthnValidator", "OperationDeadlinePolicy");

    /**
     * One contract of ours on a chain.
     *
     * @param name     artifact name
     * @param address  where it is on every chain (lower-case 0x-hex)
     * @param salt     the CREATE2 salt through {@link #PROXY}, or empty for the account implementation (made by the factory)
     * @param initCode creation code with constructor arguments (what the proxy is sent after the salt)
     * @param codeHash keccak-256 of the runtime code with the immutables' bytes zeroed: the same on every chain
     * @param artifact the packaged build
     */
    public record OurContract(String name, String address, Optional<String> salt, String initCode, String codeHash,
                              ContractArtifact artifact) {

        public boolean viaProxy() {
            return salt.isPresent();
        }

        /** The proxy's calldata: salt ‖ init code. */
        public String proxyCalldata() {
            return salt.orElseThrow() + Numeric.cleanHexPrefix(initCode);
        }
    }

    private DeterministicDeployment() {
    }

    /**
     * Our contracts as they deploy on every chain, the factory wired to {@code entryPoint} and {@code smartSession}
     * (our SmartSession's computed address, or the canonical module's where a layout uses it). Fails naming a contract
     * the build did not package.
     */
    public static List<OurContract> plan(ContractArtifacts artifacts, String entryPoint, Optional<String> smartSession) {
        List<OurContract> plan = new ArrayList<>();
        for (String name : MODULES) {
            plan.add(viaProxy(artifacts.get(name), artifacts.get(name).bytecode()));
        }
        String ownSession = plan.get(0).address();
        String ownable = plan.stream().filter(c -> c.name().equals("OwnableValidator")).findFirst().orElseThrow().address();
        ContractArtifact factory = artifacts.get(FACTORY);
        OurContract f = viaProxy(factory, factory.bytecode() + Numeric.cleanHexPrefix(Abi.encodeArgs(
                new org.web3j.abi.datatypes.Address(entryPoint), new org.web3j.abi.datatypes.Address(ownable),
                new org.web3j.abi.datatypes.Address(smartSession.orElse(ownSession)))));
        plan.add(f);
        ContractArtifact account = artifacts.get(ACCOUNT_IMPLEMENTATION);
        plan.add(new OurContract(account.name(), createAddress(f.address(), 1), Optional.empty(), "", codeHash(account), account));
        return List.copyOf(plan);
    }

    /** {@link #plan} with the canonical EntryPoint and our own SmartSession: what {@code contracts addresses} prints. */
    public static List<OurContract> standard(ContractArtifacts artifacts) {
        return plan(artifacts, CANONICAL_ENTRY_POINT, Optional.empty());
    }

    /** The fixed salt of {@code name}: keccak-256 of {@code "latchkey." + name}. */
    public static String salt(String name) {
        return Numeric.toHexString(Hash.sha3(("latchkey." + name).getBytes(StandardCharsets.UTF_8)));
    }

    /** keccak-256 of the artifact's runtime code with the immutables zeroed (as forge writes it). */
    public static String codeHash(ContractArtifact artifact) {
        if (artifact.deployedBytecode().equals("0x")) {
            throw new IllegalStateException("the build packaged no runtime code for " + artifact.name()
                    + "; rebuild with 'mvn compile'");
        }
        return Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(artifact.deployedBytecode())));
    }

    /** keccak-256 of deployed {@code code} with the artifact's immutable ranges zeroed; compare with {@link #codeHash}. */
    public static String maskedCodeHash(ContractArtifact artifact, String code) {
        byte[] bytes = Numeric.hexStringToByteArray(code);
        for (ContractArtifact.ByteRange range : artifact.immutables()) {
            for (int i = range.start(); i < range.start() + range.length() && i < bytes.length; i++) {
                bytes[i] = 0;
            }
        }
        return Numeric.toHexString(Hash.sha3(bytes));
    }

    /** CREATE2 address of {@code initCode} deployed by {@code factory} with {@code salt} (both 0x-hex). */
    public static String create2Address(String factory, String salt, String initCode) {
        byte[] initHash = Hash.sha3(Numeric.hexStringToByteArray(initCode));
        String preimage = "ff" + Numeric.cleanHexPrefix(factory) + Numeric.cleanHexPrefix(salt)
                + Numeric.toHexStringNoPrefix(initHash);
        return Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(preimage)), 12, 20, true);
    }

    /** CREATE address of {@code deployer}'s contract number {@code nonce} (a contract's first CREATE uses nonce 1). */
    public static String createAddress(String deployer, int nonce) {
        if (nonce < 1 || nonce > 0x7f) {
            throw new IllegalArgumentException("nonce must be 1..127, not " + nonce);
        }
        // RLP([address, nonce]) for a one-byte nonce: list prefix 0xd6, string prefix 0x94, 20 bytes, the nonce byte
        String rlp = "d694" + Numeric.cleanHexPrefix(deployer).toLowerCase() + String.format("%02x", nonce);
        return Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(rlp)), 12, 20, true);
    }

    private static OurContract viaProxy(ContractArtifact artifact, String initCode) {
        String salt = salt(artifact.name());
        return new OurContract(artifact.name(), create2Address(PROXY, salt, initCode), Optional.of(salt), initCode,
                codeHash(artifact), artifact);
    }
}
