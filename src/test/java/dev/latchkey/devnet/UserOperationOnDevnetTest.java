package dev.latchkey.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.AccountCalls;
import dev.latchkey.aa.BundlerSubmitter;
import dev.latchkey.aa.DirectSubmitter;
import dev.latchkey.aa.PackedUserOperation;
import dev.latchkey.aa.UserOperationReceipt;
import dev.latchkey.aa.UserOperationSubmitter;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.JsonRpcClient;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.generated.Uint192;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/** A factory-deployed account runs an owner-signed user operation (USDC transfer), via Alto and directly. */
@ExtendWith(DevnetExtension.class)
class UserOperationOnDevnetTest {

    private static final BigInteger USDC_25 = BigInteger.valueOf(25_000_000L);

    @Test
    void bundlerServesTheEntryPoint(Devnet devnet) {
        assertThat(devnet.manifest().bundlerUrl()).as("Node is installed here, so Alto must run").isNotNull();
        try (JsonRpcClient rpc = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            List<String> entryPoints = new BundlerSubmitter(rpc, devnet.manifest().address("EntryPoint"))
                    .supportedEntryPoints();
            assertThat(entryPoints).anySatisfy(ep -> assertThat(ep).isEqualToIgnoringCase(
                    devnet.manifest().address("EntryPoint")));
        }
    }

    @Test
    void ownerSignedTransferThroughAlto(Devnet devnet) throws Exception {
        try (JsonRpcClient rpc = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            transferFromNewAccount(devnet, new BundlerSubmitter(rpc, devnet.manifest().address("EntryPoint")));
        }
    }

    @Test
    void ownerSignedTransferThroughDirectSubmission(Devnet devnet) throws Exception {
        transferFromNewAccount(devnet, new DirectSubmitter(devnet.client(), devnet.keys().directSubmitter(),
                devnet.manifest().address("EntryPoint"), devnet.manifest().chainId()));
    }

    private static void transferFromNewAccount(Devnet devnet, UserOperationSubmitter submitter) throws Exception {
        Manifest m = devnet.manifest();
        ECKeyPair owner = Keys.createEcKeyPair();
        byte[] ownerInit = AccountCalls.ownableValidatorInitData(1, List.of("0x" + Keys.getAddress(owner)));
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        String account = Abi.address(devnet.client().call(m.address("LatchkeyAccountFactory"),
                AccountCalls.getAddress(salt, ownerInit, new byte[0])), 0);
        devnet.faucet().fund(new Funding(account, BigDecimal.ONE, BigDecimal.valueOf(100), null, null));
        String recipient = "0x" + Keys.getAddress(Keys.createEcKeyPair());

        BigInteger key = AccountCalls.nonceKey(m.address("OwnableValidator"));
        BigInteger nonce = Abi.word(devnet.client().call(m.address("EntryPoint"),
                Abi.call("getNonce(address,uint192)", new Address(account), new Uint192(key))), 0);
        assertThat(nonce).isEqualTo(AccountCalls.nonce(key, BigInteger.ZERO));
        byte[] transfer = Numeric.hexStringToByteArray(Abi.call("transfer(address,uint256)", new Address(recipient),
                new Uint256(USDC_25)));
        BigInteger maxFee = devnet.client().baseFee().multiply(BigInteger.TWO).add(BigInteger.TEN.pow(9));
        PackedUserOperation unsigned = new PackedUserOperation(account, nonce,
                AccountCalls.initCode(m.address("LatchkeyAccountFactory"),
                        AccountCalls.createAccount(salt, ownerInit, new byte[0])),
                AccountCalls.executeSingle(m.address("USDC"), BigInteger.ZERO, transfer),
                BigInteger.valueOf(1_000_000), BigInteger.valueOf(200_000), BigInteger.valueOf(100_000),
                BigInteger.TEN.pow(9), maxFee, new byte[0], new byte[0]);
        byte[] hash = unsigned.hash(m.address("EntryPoint"), m.chainId());
        String onChainHash = devnet.client().call(m.address("EntryPoint"), Abi.call(
                "getUserOpHash((address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes))",
                (DynamicStruct) unsigned.toStruct()));
        assertThat(Numeric.toHexString(hash)).as("our v0.7 hash equals EntryPoint.getUserOpHash").isEqualTo(onChainHash);
        PackedUserOperation signed = unsigned.withSignature(AccountCalls.signAsOwner(hash, owner));

        String userOpHash = submitter.submit(signed);
        UserOperationReceipt receipt = submitter.awaitReceipt(userOpHash, Duration.ofSeconds(60));

        assertThat(userOpHash).isEqualTo(Numeric.toHexString(hash));
        assertThat(receipt.success()).isTrue();
        assertThat(devnet.client().hasCode(account)).isTrue();
        assertThat(TestEoa.balanceOf(devnet, "USDC", recipient)).isEqualTo(USDC_25);
        assertThat(TestEoa.balanceOf(devnet, "USDC", account)).isEqualTo(BigInteger.valueOf(75_000_000L));
    }
}
