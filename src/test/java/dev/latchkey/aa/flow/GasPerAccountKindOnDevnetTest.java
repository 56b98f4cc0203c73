package dev.latchkey.aa.flow;

import dev.latchkey.aa.account.AccountSpec;
import static dev.latchkey.aa.flow.FlowFixture.USDC;
import static dev.latchkey.aa.flow.FlowFixture.addr;
import static dev.latchkey.aa.flow.FlowFixture.balance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.latchkey.aa.flow.SafeAccounts;
import dev.latchkey.aa.account.KernelStack;
import dev.latchkey.aa.account.SafeStack;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.chain.TxReceipt;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.devnet.Funding;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;

/**
 * docs/gas.md "Per account kind": the same call ({@code USDC.transfer(recipient, 1 USDC)} through ERC-7579 execute
 * single, account deployed, recipient already holding USDC) as an owner operation, an ENABLE operation and a USE
 * operation, on each account kind, through the real EntryPoint v0.7 with direct submission (one operation per
 * {@code handleOps} transaction). Writes {@code target/gas/account-kinds.json}.
 */
@ExtendWith(DevnetExtension.class)
class GasPerAccountKindOnDevnetTest {

    private static final String USER_OPERATION_EVENT = "0x" + org.web3j.utils.Numeric.toHexStringNoPrefix(
            Hash.sha3("UserOperationEvent(bytes32,address,address,uint256,bool,uint256,uint256)".getBytes()));

    record Gas(long transactionGas, long actualGasUsed, int signatureBytes) { }

    @Test
    void ownerEnableAndUseOfTheSameCallOnEachAccountKind(Devnet devnet) throws Exception {
        ChainAddresses a = FlowFixture.addresses(devnet);
        SafeStack safe = new SafeStack(addr(devnet, "SafeSingleton"), addr(devnet, "SafeProxyFactory"), addr(devnet, "Safe7579"),
                addr(devnet, "Safe7579Launchpad"));
        Map<String, Map<String, Gas>> report = new LinkedHashMap<>();
        ECKeyPair owner1 = Keys.createEcKeyPair();
        report.put("latchkey", measure(devnet, new SmartAccountClient(devnet.client(), a,
                AccountSpec.ecdsa(randomSalt(), List.of(FlowFixture.address(owner1)), 1)), owner1));
        ECKeyPair owner2 = Keys.createEcKeyPair();
        report.put("safe7579", measure(devnet, SafeAccounts.counterfactual(devnet.client(), a, safe, FlowFixture.address(owner2),
                new BigInteger(1, randomSalt().bytes())), owner2));
        ECKeyPair owner3 = Keys.createEcKeyPair();
        KernelStack kernel = new KernelStack(addr(devnet, "Kernel"), addr(devnet, "KernelFactory"));
        report.put("kernel", measure(devnet, KernelAccounts.counterfactual(devnet.client(), a, kernel, FlowFixture.address(owner3),
                randomSalt()), owner3));

        for (Map<String, Gas> kind : report.values()) {
            assertThat(kind.get("enable").transactionGas()).isGreaterThan(kind.get("use").transactionGas());
            assertThat(kind.get("use").transactionGas()).isGreaterThan(kind.get("owner").transactionGas());
        }
        Path out = Path.of("target", "gas", "account-kinds.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n");
        System.out.println("account-kind gas: " + report);
    }

    private static Map<String, Gas> measure(Devnet devnet, SmartAccountClient account, ECKeyPair owner) throws Exception {
        ChainAddresses a = account.chain();
        Address usdc = addr(devnet, "USDC");
        Address recipient = FlowFixture.randomAddress();
        devnet.faucet().fund(new Funding(account.address().hex(), BigDecimal.ONE, BigDecimal.valueOf(100), null, null));
        devnet.faucet().fund(new Funding(recipient.hex(), null, BigDecimal.ONE, null, null));
        // Deployed beforehand, by a plain factory call (as the devnet faucet does), so no row pays for deployment.
        TxReceipt deployed = devnet.client().waitForReceipt(devnet.client().sendFromUnlocked(devnet.manifest().accounts().get("deployer"),
                account.factory().orElseThrow().hex(), BigInteger.ZERO, account.factoryData().hex(), BigInteger.valueOf(2_000_000)));
        assertThat(deployed.success() && account.isDeployed()).as("deployed at the computed address").isTrue();

        OperationSender sender = FlowFixture.direct(devnet);
        List<Execution> oneUsdc = List.of(Transfers.erc20(usdc, recipient, USDC));
        Map<String, Gas> rows = new LinkedHashMap<>();
        rows.put("owner", gas(devnet, new OwnerOperations(account, sender).execute(oneUsdc, List.of(owner)),
                account.encoding().ownerStub(1).length()));

        ECKeyPair sessionKey = Keys.createEcKeyPair();
        OnchainSession session = FlowFixture.usdcSession(a, usdc, recipient, sessionKey, USDC.multiply(BigInteger.valueOf(100)), 10,
                devnet.client().latestTimestamp() + 30 * 86_400L);
        SessionOperations ops = new SessionOperations(account, sender, FlowFixture.engine(a));
        PreparedSession prepared = ops.prepare(session);
        EnablePlan plan = EnableFlow.plan(session, List.of(account));
        var enable = Optional.of(plan.enableSession(a.chainId(), EnableFlow.approve(plan, List.of(owner), account)));
        dev.latchkey.aa.userop.UserOperation enableOp = ops.draft(prepared, 1, oneUsdc, enable);
        rows.put("enable", gas(devnet, included(ops.send(prepared, List.of(sessionKey), oneUsdc, enable)), enableOp.signature().length()));
        rows.put("use", gas(devnet, included(ops.send(prepared, List.of(sessionKey), oneUsdc, Optional.empty())),
                ops.draft(prepared, 1, oneUsdc, Optional.empty()).signature().length()));
        assertThat(balance(devnet.client(), usdc, recipient)).isEqualTo(USDC.multiply(BigInteger.valueOf(4)));
        return rows;
    }

    private static UserOperationReceipt included(Outcome out) {
        assertThat(out).isInstanceOf(Outcome.Included.class);
        return ((Outcome.Included) out).receipt();
    }

    private static Gas gas(Devnet devnet, UserOperationReceipt receipt, int signatureBytes) {
        assertThat(receipt.success()).isTrue();
        TxReceipt tx = devnet.client().waitForReceipt(receipt.transactionHash());
        TxReceipt.Log event = tx.logs().stream().filter(l -> !l.topics().isEmpty() && l.topics().get(0).equalsIgnoreCase(USER_OPERATION_EVENT))
                .findFirst().orElseThrow();
        // data: nonce, success, actualGasCost, actualGasUsed
        BigInteger used = new BigInteger(event.data().substring(2 + 3 * 64, 2 + 4 * 64), 16);
        return new Gas(tx.gasUsed().longValueExact(), used.longValueExact(), signatureBytes);
    }

    private static HexBytes randomSalt() {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        return HexBytes.of(salt);
    }

}
