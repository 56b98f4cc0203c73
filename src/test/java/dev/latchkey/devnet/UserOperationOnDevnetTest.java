package dev.latchkey.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.aa.submit.BundlerSubmitter;
import dev.latchkey.aa.submit.DirectSubmitter;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.aa.submit.UserOperationSubmitter;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.generated.Uint192;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/** A factory-deployed account runs an owner-signed user operation (USDC transfer), via Alto and directly. */
@ExtendWith(DevnetExtension.class)
class UserOperationOnDevnetTest {

    private static final BigInteger USDC_25 = BigInteger.valueOf(25_000_000L);

    @Test
    void bundlerServesTheEntryPoint(Devnet devnet) {
        assertThat(devnet.manifest().bundlerUrl()).as("Node is installed here, so Alto must run").isNotNull();
        Address entryPoint = address(devnet, "EntryPoint");
        try (JsonRpcClient rpc = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            assertThat(new BundlerSubmitter(rpc, entryPoint).supportedEntryPoints()).contains(entryPoint);
        }
    }

    @Test
    void ownerSignedTransferThroughAlto(Devnet devnet) throws Exception {
        try (JsonRpcClient rpc = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            transferFromNewAccount(devnet, new BundlerSubmitter(rpc, address(devnet, "EntryPoint")));
        }
    }

    @Test
    void ownerSignedTransferThroughDirectSubmission(Devnet devnet) throws Exception {
        transferFromNewAccount(devnet, new DirectSubmitter(devnet.client(), devnet.keys().directSubmitter(),
                address(devnet, "EntryPoint"), devnet.manifest().chainId()));
    }

    private static void transferFromNewAccount(Devnet devnet, UserOperationSubmitter submitter) throws Exception {
        Manifest m = devnet.manifest();
        ECKeyPair owner = Keys.createEcKeyPair();
        byte[] ownerInit = OwnerOperations.ownableValidatorInitData(1, List.of("0x" + Keys.getAddress(owner)));
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        String account = Abi.address(devnet.client().call(m.address("LatchkeyAccountFactory"),
                OwnerOperations.getAddress(salt, ownerInit, new byte[0])), 0);
        devnet.faucet().fund(new Funding(account, BigDecimal.ONE, BigDecimal.valueOf(100), null, null));
        String recipient = "0x" + Keys.getAddress(Keys.createEcKeyPair());

        BigInteger key = NonceKeys.keyFor(AccountKind.LATCHKEY, address(devnet, "OwnableValidator"));
        BigInteger nonce = Abi.word(devnet.client().call(m.address("EntryPoint"), Abi.call("getNonce(address,uint192)",
                new org.web3j.abi.datatypes.Address(account), new Uint192(key))), 0);
        assertThat(nonce).isEqualTo(NonceKeys.nonce(key, BigInteger.ZERO));
        HexBytes transfer = HexBytes.parse("transfer", Abi.call("transfer(address,uint256)",
                new org.web3j.abi.datatypes.Address(recipient), new Uint256(USDC_25)));
        BigInteger maxFee = devnet.client().baseFee().multiply(BigInteger.TWO).add(BigInteger.TEN.pow(9));
        UserOperation unsigned = UserOperation.of(Address.parse("account", account), nonce,
                        Erc7579Execute.encode(List.of(new Execution(address(devnet, "USDC"), BigInteger.ZERO, transfer))))
                .withFactory(address(devnet, "LatchkeyAccountFactory"),
                        HexBytes.of(OwnerOperations.createAccount(salt, ownerInit, new byte[0])))
                .withGas(BigInteger.valueOf(200_000), BigInteger.valueOf(1_000_000), BigInteger.valueOf(100_000),
                        maxFee, BigInteger.TEN.pow(9));
        HexBytes hash = UserOpHash.hash(unsigned, address(devnet, "EntryPoint"), BigInteger.valueOf(m.chainId()));
        String onChainHash = devnet.client().call(m.address("EntryPoint"), Abi.call(
                "getUserOpHash((address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes))",
                DirectSubmitter.struct(unsigned)));
        assertThat(hash.hex()).as("the SDK's v0.7 hash equals EntryPoint.getUserOpHash").isEqualTo(onChainHash);
        UserOperation signed = unsigned.withSignature(HexBytes.of(OwnerOperations.signAsOwner(hash.bytes(), owner)));

        HexBytes userOpHash = submitter.submit(signed);
        UserOperationReceipt receipt = submitter.awaitReceipt(userOpHash, Duration.ofSeconds(60));

        assertThat(userOpHash).isEqualTo(hash);
        assertThat(receipt.success()).isTrue();
        assertThat(devnet.client().hasCode(account)).isTrue();
        assertThat(TestEoa.balanceOf(devnet, "USDC", recipient)).isEqualTo(USDC_25);
        assertThat(TestEoa.balanceOf(devnet, "USDC", account)).isEqualTo(BigInteger.valueOf(75_000_000L));
    }

    private static Address address(Devnet devnet, String name) {
        return Address.parse(name, devnet.manifest().address(name));
    }
}
