package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import java.math.BigInteger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Bytes21;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * {@link OneClickCliPath} on a Kernel v3.1 (implementation and KernelFactory from modulekit 0.5.9's shipped bytecode)
 * created with {@code account create --kind kernel}: OwnableValidator with the vault's owner key is its root
 * validator, SmartSession a second validator granted ERC-7579 {@code execute} only, with no hook.
 */
@ExtendWith(DevnetExtension.class)
class OneClickCliOnKernelTest extends OneClickCliPath {

    @Override
    String[] createAccount() {
        return new String[] {"account", "create", "--kind", "kernel"};
    }

    @Override
    void assertAccountKind(CliRunner cli, Devnet devnet) throws Exception {
        var shown = cli.chain("account", "show").json();
        assertThat(shown.path("kind").asText()).isEqualTo("kernel");
        String account = shown.path("account").asText();
        String ss = devnet.manifest().address("SmartSession");
        String ownable = devnet.manifest().address("OwnableValidator");
        try (EvmClient node = new EvmClient(devnet.manifest().rpcUrl())) {
            assertThat(AccountIdText.of(node.call(account, Abi.call("accountId()")))).isEqualTo("kernel.advanced.v0.3.1");
            String root = node.call(account, Abi.call("rootValidator()"));
            assertThat(root.substring(2, 44)).as("root validator 0x01 ‖ OwnableValidator")
                    .isEqualToIgnoringCase("01" + ownable.substring(2));
            assertThat(Abi.word(node.call(account, Abi.call("isModuleInstalled(uint256,address,bytes)", new Uint256(1),
                    new org.web3j.abi.datatypes.Address(ss), new DynamicBytes(new byte[0]))), 0)).isEqualTo(BigInteger.ONE);
            byte[] ssId = new byte[21];
            ssId[0] = 1;
            System.arraycopy(org.web3j.utils.Numeric.hexStringToByteArray(ss), 0, ssId, 1, 20);
            // validationConfig(vId) = (uint32 nonce, address hook): Kernel stores hook 1 for "installed, no hook"
            String config = node.call(account, Abi.call("validationConfig(bytes21)", new Bytes21(ssId)));
            assertThat(Abi.word(config, 1)).as("SmartSession installed with no hook").isEqualTo(BigInteger.ONE);
            assertThat(Abi.word(node.call(account, Abi.call("isAllowedSelector(bytes21,bytes4)", new Bytes21(ssId),
                    new org.web3j.abi.datatypes.generated.Bytes4(new byte[] {(byte) 0xe9, (byte) 0xae, 0x5c, 0x53}))), 0))
                    .as("SmartSession may validate execute").isEqualTo(BigInteger.ONE);
        }
    }
}
