package dev.latchkey.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.chain.DeterministicDeployment.OurContract;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

class DeterministicDeploymentTest {

    private static final ContractArtifacts ARTIFACTS = ContractArtifacts.loadFromClasspath();

    @Test
    void create2AndCreateAddressesFollowTheirDefinitions() {
        // EIP-1014 example 0, and the CREATE address of a well-known sender's nonce 1
        assertThat(DeterministicDeployment.create2Address("0x0000000000000000000000000000000000000000",
                "0x" + "00".repeat(32), "0x00")).isEqualTo("0x4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38");
        assertThat(DeterministicDeployment.createAddress("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0", 1))
                .isEqualTo("0x343c43a37d37dff08ae8c4a11544c718abb4fcf8");
    }

    @Test
    void thePackagedEntryPointLandsOnTheCanonicalAddress() {
        assertThat(DeterministicDeployment.create2Address(DeterministicDeployment.PROXY,
                DeterministicDeployment.ENTRY_POINT_SALT, ARTIFACTS.get("EntryPoint").bytecode()))
                .isEqualTo(DeterministicDeployment.CANONICAL_ENTRY_POINT);
    }

    @Test
    void everyContractOfOursHasOneComputedAddressFromItsBuild() {
        List<OurContract> plan = DeterministicDeployment.standard(ARTIFACTS);
        assertThat(plan).extracting(OurContract::name).containsAll(DeterministicDeployment.MODULES)
                .contains(DeterministicDeployment.FACTORY, DeterministicDeployment.ACCOUNT_IMPLEMENTATION);
        assertThat(new HashSet<>(plan.stream().map(OurContract::address).toList())).hasSize(plan.size());
        for (OurContract c : plan.subList(0, DeterministicDeployment.MODULES.size())) {
            assertThat(c.address()).as(c.name()).isEqualTo(DeterministicDeployment.create2Address(
                    DeterministicDeployment.PROXY, DeterministicDeployment.salt(c.name()), ARTIFACTS.get(c.name()).bytecode()));
        }
        OurContract factory = byName(plan).get(DeterministicDeployment.FACTORY);
        assertThat(byName(plan).get(DeterministicDeployment.ACCOUNT_IMPLEMENTATION).address())
                .isEqualTo(DeterministicDeployment.createAddress(factory.address(), 1));
        // loading the build again computes the same (no randomness, no chain input)
        assertThat(DeterministicDeployment.standard(ContractArtifacts.loadFromClasspath())).isEqualTo(plan);
    }

    @Test
    void aChangedBytecodeGivesAnotherAddressAndMovesWhatIsWiredToIt() {
        List<OurContract> before = DeterministicDeployment.standard(ARTIFACTS);
        ContractArtifact ownable = ARTIFACTS.get("OwnableValidator");
        String bytecode = ownable.bytecode();
        String flipped = bytecode.substring(0, bytecode.length() - 2)
                + (bytecode.endsWith("00") ? "01" : "00");
        ContractArtifacts rebuilt = ARTIFACTS.with(new ContractArtifact(ownable.name(), ownable.source(),
                ownable.abiJson(), flipped, ownable.deployedBytecode(), ownable.immutables()));
        Map<String, OurContract> after = byName(DeterministicDeployment.standard(rebuilt));
        Map<String, OurContract> was = byName(before);
        assertThat(after.get("OwnableValidator").address()).isNotEqualTo(was.get("OwnableValidator").address());
        // the factory's constructor takes the owner validator, so the factory and its implementation move too
        assertThat(after.get(DeterministicDeployment.FACTORY).address()).isNotEqualTo(was.get(DeterministicDeployment.FACTORY).address());
        assertThat(after.get(DeterministicDeployment.ACCOUNT_IMPLEMENTATION).address())
                .isNotEqualTo(was.get(DeterministicDeployment.ACCOUNT_IMPLEMENTATION).address());
        assertThat(after.get("RateLimitPolicy")).isEqualTo(was.get("RateLimitPolicy"));
    }

    @Test
    void aFactoryWiredToTheCanonicalSmartSessionHasAnotherAddress() {
        Map<String, OurContract> ours = byName(DeterministicDeployment.standard(ARTIFACTS));
        Map<String, OurContract> canonical = byName(DeterministicDeployment.plan(ARTIFACTS,
                DeterministicDeployment.CANONICAL_ENTRY_POINT, Optional.of("0x00000000008bdaba73cd9815d79069c247eb4bda")));
        assertThat(canonical.get(DeterministicDeployment.FACTORY).address())
                .isNotEqualTo(ours.get(DeterministicDeployment.FACTORY).address());
        assertThat(canonical.get("SmartSession")).isEqualTo(ours.get("SmartSession"));
    }

    @Test
    void theCodeHashIgnoresOnlyTheImmutablesBytes() {
        ContractArtifact factory = ARTIFACTS.get(DeterministicDeployment.FACTORY);
        assertThat(factory.immutables()).isNotEmpty();
        byte[] code = Numeric.hexStringToByteArray(factory.deployedBytecode());
        for (ContractArtifact.ByteRange r : factory.immutables()) {
            for (int i = r.start(); i < r.start() + r.length(); i++) code[i] = (byte) 0xab;
        }
        String filled = Numeric.toHexString(code);
        String expected = DeterministicDeployment.codeHash(factory);
        assertThat(DeterministicDeployment.maskedCodeHash(factory, filled)).isEqualTo(expected);
        assertThat(Numeric.toHexString(Hash.sha3(code))).isNotEqualTo(expected);
        code[0] ^= 1;
        assertThat(DeterministicDeployment.maskedCodeHash(factory, Numeric.toHexString(code))).isNotEqualTo(expected);
    }

    @Test
    void aContractTheBuildLacksIsNamed() {
        assertThatThrownBy(() -> DeterministicDeployment.codeHash(new ContractArtifact("X", "x.sol", "[]", "0x00")))
                .hasMessageContaining("X");
    }

    private static Map<String, OurContract> byName(List<OurContract> plan) {
        return plan.stream().collect(Collectors.toMap(OurContract::name, Function.identity()));
    }
}
