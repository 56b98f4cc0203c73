package dev.latchkey.devnet;

import dev.latchkey.chain.ContractArtifacts;
import dev.latchkey.chain.DeploymentException;
import dev.latchkey.chain.DeterministicDeployer;
import dev.latchkey.chain.DeterministicDeployment;
import dev.latchkey.chain.DeterministicDeployment.OurContract;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.utils.Numeric;

/**
 * Deploys EntryPoint v0.7 (first, separately), our contracts (issue 01) at their computed addresses (issue 13, as on
 * every public chain: {@link DeterministicDeployment}) and the test tokens.
 */
final class CoreContracts {

    static final String DETERMINISTIC_DEPLOYER = DeterministicDeployment.PROXY;

    private CoreContracts() {
    }

    static void deploy(Deployer deployer, ContractArtifacts artifacts, Map<String, String> addresses, DevnetConfig config) {
        Optional<String> smartSession = Optional.empty();
        if (config.smartSession() == SmartSessionBuild.MODULEKIT_0_5_9) {
            // Ours is still deployed but nothing uses it; the factory is wired to the canonical module, so its init
            // code, and with it its address (and its account implementation's), differ from the standard layout.
            smartSession = Optional.of(placeCanonicalSmartSession(deployer, SmartSessionBuild.modulekitRuntime(config.nodeModules())));
        }
        deployer.progress("deploying SmartSession, policies, validators and the account factory through the"
                + " deterministic deployment proxy");
        List<OurContract> plan = DeterministicDeployment.plan(artifacts, addresses.get("EntryPoint"), smartSession);
        try {
            DeterministicDeployer.deployMissing(deployer.client(), plan, addresses.get("EntryPoint"),
                    (label, to, data) -> deployer.transact(label, to, BigInteger.ZERO, data), step -> { });
        } catch (DeploymentException e) {
            throw new DevnetException(e.getMessage(), e);
        }
        for (OurContract contract : plan) {
            addresses.put(contract.name(), contract.address());
        }
        smartSession.ifPresent(canonical -> addresses.put("SmartSession", canonical));
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
        String predicted = DeterministicDeployment.create2Address(DETERMINISTIC_DEPLOYER,
                DeterministicDeployment.ENTRY_POINT_SALT, bytecode);
        if (!deployer.client().hasCode(predicted)) {
            deployer.transact("EntryPoint via deterministic deployer", DETERMINISTIC_DEPLOYER, BigInteger.ZERO,
                    DeterministicDeployment.ENTRY_POINT_SALT + Numeric.cleanHexPrefix(bytecode));
        }
        if (!deployer.client().hasCode(predicted)) {
            throw new DevnetException("the EntryPoint was not created at its CREATE2 address " + predicted);
        }
        return predicted;
    }

    static String create2Address(String factory, String saltHex, String initCode) {
        return DeterministicDeployment.create2Address(factory, saltHex, initCode);
    }
}
