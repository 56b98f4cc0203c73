package dev.latchkey.devnet;

import dev.latchkey.chain.ContractArtifacts;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** Deploys EntryPoint v0.7 (first, separately), our contracts (issue 01) and the test tokens. */
final class CoreContracts {

    static final String CANONICAL_ENTRY_POINT = "0x0000000071727de22e5e9d8baf0edac6f37da032";
    static final String DETERMINISTIC_DEPLOYER = "0x4e59b44847b379578588920ca78fbf26c0b4956c";
    /** The salt the canonical v0.7 EntryPoint was deployed with. */
    static final String ENTRY_POINT_SALT = "90d8084deab30c2a37c45e8d47f49f2f7965183cb6990a98943ef94940681de3";

    static final List<String> MODULES = List.of("SmartSession", "SudoPolicy", "UniActionPolicy",
            "ERC20SpendingLimitPolicy", "TimeFramePolicy", "UsageLimitPolicy", "ValueLimitPolicy",
            "PeriodicSpendingLimitPolicy", "RateLimitPolicy", "GasCostLimitPolicy", "OwnableValidator",
            "WebAuthnValidator");

    private CoreContracts() {
    }

    static void deploy(Deployer deployer, ContractArtifacts artifacts, Map<String, String> addresses, DevnetConfig config) {
        deployer.progress("deploying SmartSession, policies and validators");
        for (String name : MODULES) {
            addresses.put(name, deployer.deploy(name, artifacts.get(name).bytecode()));
        }
        if (config.smartSession() == SmartSessionBuild.MODULEKIT_0_5_9) {
            // Ours is still deployed (every later CREATE address stays the same in both layouts) but nothing uses it.
            addresses.put("SmartSession", placeCanonicalSmartSession(deployer, SmartSessionBuild.modulekitRuntime(config.nodeModules())));
        }
        addresses.put("LatchkeyAccountFactory", deployer.deploy("LatchkeyAccountFactory",
                artifacts.get("LatchkeyAccountFactory").bytecode(), new Address(addresses.get("EntryPoint")),
                new Address(addresses.get("OwnableValidator")), new Address(addresses.get("SmartSession"))));
        deployer.progress("deploying test tokens USDC, DAI, WETH");
        String token = artifacts.get("TestToken").bytecode();
        addresses.put("USDC", deployer.deploy("USDC", token, new Utf8String("USD Coin"), new Utf8String("USDC"),
                new Uint8(6)));
        addresses.put("DAI", deployer.deploy("DAI", token, new Utf8String("Dai Stablecoin"), new Utf8String("DAI"),
                new Uint8(18)));
        addresses.put("WETH", deployer.deploy("WETH", artifacts.get("WETH9").bytecode()));
    }

    /**
     * Sets the canonical module's runtime at its public-chain address and checks it is there byte for byte: the
     * package ships runtime code only (no creation code to deploy), as modulekit's own tests etch it.
     */
    static String placeCanonicalSmartSession(Deployer deployer, String runtime) {
        String at = SmartSessionBuild.CANONICAL_ADDRESS;
        deployer.progress("placing the canonical SmartSession (@rhinestone/modulekit 0.5.9 bytecode) at " + at);
        deployer.client().rpc().call("anvil_setCode", at, runtime);
        if (!deployer.client().code(at).equalsIgnoreCase(runtime)) {
            throw new DevnetException("the canonical SmartSession bytecode did not land at " + at);
        }
        return at;
    }

    /**
     * Through the deterministic deployer with the canonical salt: when the npm artifact is byte-identical to the
     * canonical deployment this lands on 0x0000000071727De22E5E9d8BAf0edAc6f37da032, otherwise elsewhere (the
     * manifest says where). Falls back to a plain CREATE when the chain lacks the deterministic deployer.
     */
    static String entryPoint(Deployer deployer, String bytecode) {
        if (!deployer.client().hasCode(DETERMINISTIC_DEPLOYER)) {
            return deployer.deploy("EntryPoint", bytecode);
        }
        String predicted = create2Address(DETERMINISTIC_DEPLOYER, ENTRY_POINT_SALT, bytecode);
        if (!deployer.client().hasCode(predicted)) {
            deployer.transact("EntryPoint via deterministic deployer", DETERMINISTIC_DEPLOYER, BigInteger.ZERO,
                    "0x" + ENTRY_POINT_SALT + Numeric.cleanHexPrefix(bytecode));
        }
        if (!deployer.client().hasCode(predicted)) {
            throw new DevnetException("the EntryPoint was not created at its CREATE2 address " + predicted);
        }
        return predicted;
    }

    static String create2Address(String factory, String saltHex, String initCode) {
        byte[] initHash = Hash.sha3(Numeric.hexStringToByteArray(initCode));
        String preimage = "ff" + Numeric.cleanHexPrefix(factory) + Numeric.cleanHexPrefix(saltHex)
                + Numeric.toHexStringNoPrefix(initHash);
        byte[] hash = Hash.sha3(Numeric.hexStringToByteArray(preimage));
        return Numeric.toHexString(hash, 12, 20, true);
    }
}
