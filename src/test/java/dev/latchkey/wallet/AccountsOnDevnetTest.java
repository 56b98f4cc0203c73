package dev.latchkey.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.chain.Abi;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint192;
import org.web3j.abi.datatypes.generated.Uint256;

/** Accounts on the devnet: counterfactual address, registration, funding and deployment by the faucet. */
@ExtendWith(DevnetExtension.class)
class AccountsOnDevnetTest {

    @TempDir Path dir;

    @Test
    void createShowFundDeploy_withoutAnyOwnerSignature(Devnet devnet) throws Exception {
        try (Keystore ks = WalletFixture.keystore(dir); ChainConnection chain = ChainConnection.open(WalletFixture.profile(devnet))) {
            AccountService accounts = new AccountService(ks, chain);
            AccountService.Created created = accounts.create(Optional.empty(), 0, "main");
            assertThat(created.newOwnerKey()).as("an empty vault gets an owner key").isTrue();
            assertThat(ks.keys().ownerKeys()).hasSize(1);
            assertThat(created.deployed()).isFalse();

            // The address is the factory's CREATE2 prediction for (salt, abi.encode(1, [owner]), empty SmartSession init).
            String ownerInit = Abi.encodeArgs(new Uint256(1), new DynamicArray<>(org.web3j.abi.datatypes.Address.class,
                    List.of(new org.web3j.abi.datatypes.Address(created.owner().hex()))));
            String predicted = Abi.address(chain.node().call(chain.profile().factory().hex(), Abi.call("getAddress(bytes32,bytes,bytes)",
                    new Bytes32(AccountSpecs.salt(created.owner(), 0).bytes()),
                    new DynamicBytes(org.web3j.utils.Numeric.hexStringToByteArray(ownerInit)), new DynamicBytes(new byte[0]))), 0);
            assertThat(created.address()).isEqualTo(new Address(predicted));

            AccountService.Created again = accounts.create(Optional.empty(), 0, "main");
            assertThat(again.address()).isEqualTo(created.address());
            assertThat(again.alreadyRegistered()).isTrue();
            assertThat(again.newOwnerKey()).isFalse();
            assertThat(accounts.create(Optional.empty(), 1, "second").address()).isNotEqualTo(created.address());
            assertThatThrownBy(() -> accounts.resolve(Optional.empty())).isInstanceOf(WalletException.class)
                    .hasMessageContaining("several accounts; pick one with --account");

            Sessions.Account main = accounts.resolve(Optional.of(created.address().hex()));
            AccountView before = accounts.show(Optional.of(created.address().hex()));
            assertThat(before.deployed()).isFalse();
            assertThat(before.ethWei()).isZero();
            assertThat(before.tokens()).extracting(AccountView.TokenBalance::symbol).containsExactly("USDC", "DAI", "WETH");

            AccountDeployer.Funded funded = new AccountDeployer(ks, chain).fund(main, new BigDecimal("2"), new BigDecimal("1500.5"), null,
                    new BigDecimal("0.25"));
            assertThat(funded.deployment()).isInstanceOf(Deployment.ByFaucet.class);
            assertThat(new AccountDeployer(ks, chain).deploy(main)).isInstanceOf(Deployment.AlreadyDeployed.class);

            AccountView after = accounts.show(Optional.of(created.address().hex()));
            assertThat(after.deployed()).isTrue();
            assertThat(after.ethWei()).isEqualTo(new BigInteger("2000000000000000000"));
            assertThat(after.tokens()).extracting(AccountView.TokenBalance::raw)
                    .containsExactly(BigInteger.valueOf(1_500_500_000L), BigInteger.ZERO, new BigInteger("250000000000000000"));
            assertThat(after.aave()).hasValueSatisfying(a -> {
                assertThat(a.totalDebtBase()).isZero();
                assertThat(a.healthFactor()).isEmpty();
            });

            // Deployment used no owner signature: the owner validator's nonce lane was never touched.
            BigInteger ownerKey = NonceKeys.keyFor(AccountKind.LATCHKEY, chain.profile().ownableValidator());
            assertThat(Abi.word(chain.node().call(chain.profile().entryPoint().hex(), Abi.call("getNonce(address,uint192)",
                    ChainReads.addr(created.address()), new Uint192(ownerKey))), 0)).isEqualTo(ownerKey.shiftLeft(64));
            assertThat(ks.activity().recent(50)).noneMatch(e -> e.kind().equals(OwnerSignatures.KIND));
        }
    }

    @Test
    void anRpcOfAnotherChainIsRefused(Devnet devnet) {
        NetworkProfile sepoliaOnDevnetRpc = Networks.resolve(NetworkRequest.named("sepolia")
                .withRpcUrl(URI.create(devnet.manifest().rpcUrl())));
        assertThatThrownBy(() -> ChainConnection.open(sepoliaOnDevnetRpc)).isInstanceOf(WalletException.class)
                .hasMessageContaining("serves chain " + devnet.manifest().chainId() + ", but sepolia is chain 11155111");
        NetworkProfile unreachable = Networks.resolve(WalletFixture.request(devnet).withRpcUrl(URI.create("http://127.0.0.1:1")));
        assertThatThrownBy(() -> ChainConnection.open(unreachable)).isInstanceOf(WalletException.class)
                .hasMessageContaining("Is the devnet running?");
    }
}
