package dev.latchkey.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.chain.ContractArtifacts;
import dev.latchkey.chain.DeterministicDeployer;
import dev.latchkey.chain.DeterministicDeployment;
import dev.latchkey.chain.DeterministicDeployment.OurContract;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The devnet deploys our contracts as on every public chain: its manifest holds the computed addresses. */
@ExtendWith(DevnetExtension.class)
class OurContractsOnDevnetTest {

    @Test
    void theManifestsAddressesOfOurContractsAreTheComputedOnes(Devnet devnet) {
        List<OurContract> standard = DeterministicDeployment.standard(ContractArtifacts.loadFromClasspath());
        Manifest manifest = devnet.manifest();
        assertThat(manifest.address("EntryPoint")).isEqualTo(DeterministicDeployment.CANONICAL_ENTRY_POINT);
        for (OurContract contract : standard) {
            assertThat(manifest.address(contract.name())).as(contract.name()).isEqualTo(contract.address());
        }
        // and what is there is this build's code, byte for byte outside the immutables
        DeterministicDeployer.verify(devnet.client(), standard);
    }
}
