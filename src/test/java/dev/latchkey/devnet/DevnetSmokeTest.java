package dev.latchkey.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DevnetExtension.class)
class DevnetSmokeTest {

    @Test
    void manifestListsDeployedContracts(Devnet devnet) {
        System.err.println(devnet.manifest().toJson());
        assertThat(devnet.manifest().addresses()).containsKeys("EntryPoint", "SmartSession", "AavePool");
    }
}
