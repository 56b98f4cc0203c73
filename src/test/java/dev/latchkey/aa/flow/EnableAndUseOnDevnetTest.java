package dev.latchkey.aa.flow;

import static dev.latchkey.aa.flow.FlowFixture.USDC;
import static dev.latchkey.aa.flow.FlowFixture.addr;
import static dev.latchkey.aa.flow.FlowFixture.balance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/** Acceptance 1: one owner signature enables a USDC-only session in the first (deploying) operation; USE after. */
@ExtendWith(DevnetExtension.class)
class EnableAndUseOnDevnetTest {

    @Test
    void enableOnceThenUseThroughTheBundler(Devnet devnet) throws Exception {
        try (JsonRpcClient bundler = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            enableOnceThenUse(devnet, FlowFixture.bundler(devnet, bundler));
        }
    }

    @Test
    void enableOnceThenUseDirectly(Devnet devnet) throws Exception {
        enableOnceThenUse(devnet, FlowFixture.direct(devnet));
    }

    private static void enableOnceThenUse(Devnet devnet, OperationSender sender) throws Exception {
        ChainAddresses a = FlowFixture.addresses(devnet);
        Address usdc = addr(devnet, "USDC");
        FlowFixture.Wallet wallet = FlowFixture.Wallet.fresh();
        SmartAccountClient account = wallet.on(devnet, 1_000);
        ECKeyPair sessionKey = Keys.createEcKeyPair();
        Address recipient = FlowFixture.randomAddress();
        long until = devnet.client().latestTimestamp() + 86_400;
        OnchainSession session = FlowFixture.usdcSession(a, usdc, recipient, sessionKey, USDC.multiply(BigInteger.valueOf(100)), 5, until);
        SessionOperations ops = new SessionOperations(account, sender, FlowFixture.engine(a));
        PreparedSession prepared = ops.prepare(session);

        assertThat(account.isDeployed()).isFalse();
        EnablePlan plan = EnableFlow.plan(session, List.of(account));
        HexBytes approval = EnableFlow.approve(plan, List.of(wallet.owner()), a.ownableValidator());
        var enable = Optional.of(plan.enableSession(a.chainId(), approval));

        long[] amounts = {10, 20, 30, 15};
        for (long amount : amounts) {
            Outcome out = ops.send(prepared, List.of(sessionKey), List.of(Transfers.erc20(usdc, recipient, USDC.multiply(BigInteger.valueOf(amount)))), enable);
            assertThat(out).isInstanceOfSatisfying(Outcome.Included.class, i -> assertThat(i.receipt().success()).isTrue());
            assertThat(ops.isEnabled(prepared.permissionId())).isTrue();
        }
        assertThat(account.isDeployed()).isTrue();
        assertThat(balance(devnet.client(), usdc, recipient)).isEqualTo(USDC.multiply(BigInteger.valueOf(75)));
        assertThat(balance(devnet.client(), usdc, account.address())).isEqualTo(USDC.multiply(BigInteger.valueOf(925)));
        BigInteger sessionKeyNonce = account.nonce(NonceKeys.keyFor(AccountKind.LATCHKEY, a.smartSession()));
        assertThat(sessionKeyNonce.and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))).isEqualTo(BigInteger.valueOf(4));

        // Bad input at the flow level: the field is named and nothing is sent.
        assertThatThrownBy(() -> Transfers.erc20(usdc.hex(), "0x12345", "1")).isInstanceOfSatisfying(FieldException.class,
                e -> assertThat(e.field()).isEqualTo("recipient"));
        assertThatThrownBy(() -> Transfers.erc20(usdc.hex(), recipient.hex(), BigInteger.ONE.shiftLeft(256).toString()))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> Transfers.erc20("usdc", recipient.hex(), "1")).isInstanceOfSatisfying(FieldException.class,
                e -> assertThat(e.field()).isEqualTo("token"));
        assertThat(account.nonce(NonceKeys.keyFor(AccountKind.LATCHKEY, a.smartSession()))).isEqualTo(sessionKeyNonce);
        assertThat(balance(devnet.client(), usdc, recipient)).isEqualTo(USDC.multiply(BigInteger.valueOf(75)));
    }

    static List<Execution> transfer(Address token, Address to, long usdc) {
        return List.of(Transfers.erc20(token, to, USDC.multiply(BigInteger.valueOf(usdc))));
    }
}
