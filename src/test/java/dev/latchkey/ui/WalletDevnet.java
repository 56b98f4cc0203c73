package dev.latchkey.ui;

import dev.latchkey.app.LiveWorkspace;
import dev.latchkey.app.WalletWorkspace;
import dev.latchkey.chain.Abi;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.ui.common.OwnerKeySource;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.wallet.CreatedSession;
import dev.latchkey.wallet.SessionRequest;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real wallet (cheap KDF) on the shared test devnet, with the app's live workspace: what the screens' view-model
 * tests run against. Sessions are created and approved with the wallet's session service (what the builder and the
 * Approve screen stand for).
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
        this.workspace = new LiveWorkspace(wallet, Optional.of(devnetDir), Clock.systemUTC(), background);
    }

    /** A new wallet with a generated owner key, unlocked; its workspace opens on first use. */
    public static WalletDevnet create(Devnet devnet, Path dir) throws Exception {
        WalletSession wallet = TestWalletSessions.session(dir.resolve("wallet"), Clock.systemUTC());
        wallet.create(dir.resolve("wallet"), TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(), (f, m) -> { });
        return new WalletDevnet(wallet, devnet.config().dir());
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

    /** The owner's one approval of {@code pid} through the wallet's approval service (the password is entered again). */
    public void approve(HexBytes pid) throws Exception {
        SessionRecord r = keystore().sessions().get(pid.bytes());
        ws().sessions().approve(r, TestWalletSessions.PASSWORD.toCharArray());
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
