package dev.latchkey.ui;

import dev.latchkey.aa.signature.SessionKeySignatures;
import dev.latchkey.app.LiveWorkspace;
import dev.latchkey.app.WalletWorkspace;
import dev.latchkey.chain.Abi;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.codec.PermissionEnableSig;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.ui.common.OwnerKeySource;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.wallet.CreatedSession;
import dev.latchkey.wallet.NetworkRequest;
import dev.latchkey.wallet.SessionRequest;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.web3j.crypto.ECKeyPair;

/**
 * A real wallet (cheap KDF) on the shared test devnet, with the app's live workspace: what the screens' view-model
 * tests run against. Session approval stands in for the Approve screen: the owner signs the stored enable digest in
 * the vault and the signature is stored with {@code Sessions.approve}, the wallet's one owner signature.
 */
public final class WalletDevnet implements AutoCloseable {

    public final WalletSession wallet;
    public final LiveWorkspace workspace;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-workspace");
        t.setDaemon(true);
        return t;
    });

    private WalletDevnet(WalletSession wallet, Path devnetDir) {
        this.wallet = wallet;
        this.workspace = new LiveWorkspace(wallet, Optional.of(devnetRequest(devnetDir)), Clock.systemUTC(), background);
    }

    /** A new wallet with a generated owner key, unlocked; its workspace opens on first use. */
    public static WalletDevnet create(Devnet devnet, Path dir) throws Exception {
        WalletSession wallet = TestWalletSessions.session(dir.resolve("wallet"), Clock.systemUTC());
        wallet.create(dir.resolve("wallet"), TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(), (f, m) -> { });
        return new WalletDevnet(wallet, devnet.config().dir());
    }

    public static NetworkRequest devnetRequest(Path devnetDir) {
        return new NetworkRequest(NetworkRequest.DEVNET, Optional.empty(), Optional.of(devnetDir), Optional.empty(), Optional.empty());
    }

    public WalletWorkspace ws() throws Exception {
        return workspace.current();
    }

    public Keystore keystore() throws Exception {
        return wallet.keystore();
    }

    public Address account() throws Exception {
        return Address.parse("account", ws().account().address());
    }

    /** Devnet faucet: ETH and tokens, and deployment. */
    public void fund() throws Exception {
        workspace.portfolio().fund((f, m) -> { });
    }

    /** The Uniswap template: USDC → WETH in the 0.05 % pool, {@code perTrade} and {@code perDay} USDC, 7 days. */
    public CreatedSession swapSession(long perTrade, long perDay) throws Exception {
        return ws().sessions().create(ws().account(), new SessionRequest.FromTemplate(new SessionTemplate.UniswapSwap("USDC", "WETH", 500,
                usdc(perTrade), usdc(perDay)), 7));
    }

    /** The owner's one approval of {@code pid}: a raw ECDSA signature over the stored digest, in the account's ERC-1271 format. */
    public void approve(HexBytes pid) throws Exception {
        Keystore ks = keystore();
        SessionRecord r = ks.sessions().get(pid.bytes());
        String owner = ws().account().ownerAddress();
        HexBytes sig = ks.keys().withOwnerKey(owner, key -> SessionKeySignatures.signAll(List.of(ECKeyPair.create(key.bytes())),
                HexBytes.of(r.sessionDigest()), SessionKeySignatures.Form.RAW));
        ks.sessions().approve(pid.bytes(), PermissionEnableSig.format(AccountKind.LATCHKEY, ws().profile().ownableValidator(), sig).bytes());
    }

    /** An ERC-20 balance read straight from the token. */
    public BigInteger balanceOf(String symbol) throws Exception {
        Address token = ws().profile().tradeNetwork().token("t", symbol).address();
        return Abi.word(ws().chain().node().call(token.hex(), Abi.call("balanceOf(address)",
                new org.web3j.abi.datatypes.Address(account().hex()))), 0);
    }

    public static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }

    @Override
    public void close() {
        workspace.release();
        wallet.close();
        background.shutdownNow();
    }
}
