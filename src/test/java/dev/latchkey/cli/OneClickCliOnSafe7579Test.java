package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import java.math.BigInteger;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link OneClickCliPath} on a Safe (1.4.1 singleton and proxy factory, Safe7579 adapter and launchpad, all from
 * modulekit 0.5.9's shipped bytecode) created with {@code account create --kind safe7579}: the vault's owner key is
 * the Safe's only owner, SmartSession its only ERC-7579 validator.
 */
@ExtendWith(DevnetExtension.class)
class OneClickCliOnSafe7579Test extends OneClickCliPath {

    @Override
    String[] createAccount() {
        return new String[] {"account", "create", "--kind", "safe7579"};
    }

    @Override
    void assertAccountKind(CliRunner cli, Devnet devnet) throws Exception {
        var shown = cli.chain("account", "show").json();
        assertThat(shown.path("kind").asText()).isEqualTo("safe7579");
        String account = shown.path("account").asText();
        try (EvmClient node = new EvmClient(devnet.manifest().rpcUrl())) {
            String id = AccountIdText.of(node.call(account, Abi.call("accountId()")));
            assertThat(id).isEqualTo("rhinestone.safe7579.v1.0.0");
            assertThat(AccountIdText.of(node.call(account, Abi.call("VERSION()")))).isEqualTo("1.4.1");
            assertThat(Abi.word(node.call(account, Abi.call("getThreshold()")), 0)).isEqualTo(BigInteger.ONE);
            String ss = devnet.manifest().address("SmartSession");
            assertThat(Abi.word(node.call(account, Abi.call("isModuleInstalled(uint256,address,bytes)",
                    new org.web3j.abi.datatypes.generated.Uint256(1), new org.web3j.abi.datatypes.Address(ss),
                    new org.web3j.abi.datatypes.DynamicBytes(new byte[0]))), 0)).isEqualTo(BigInteger.ONE);
        }
    }
}
