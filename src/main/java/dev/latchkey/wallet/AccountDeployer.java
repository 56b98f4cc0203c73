package dev.latchkey.wallet;

import dev.latchkey.keystore.ActivityKind;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.flow.OwnerOperations;
import dev.latchkey.aa.flow.SmartAccountClient;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.TxReceipt;
import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.devnet.DevnetFaucet;
import dev.latchkey.devnet.DevnetKeys;
import dev.latchkey.devnet.Funding;
import dev.latchkey.devnet.Manifest;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.web3j.crypto.ECKeyPair;

/**
 * Funding on the devnet and deployment of an account. The devnet faucet's unlocked account calls
 * {@code LatchkeyAccountFactory.createAccount} itself (the factory is permissionless and the address commits to the
 * owner config), so the account exists before its first session operation and the owner's enable approval stays the
 * only owner signature. Elsewhere the owner signs one operation with the initCode (paid from the account's ETH).
 */
public final class AccountDeployer {

    private static final BigInteger DEPLOY_GAS = BigInteger.valueOf(1_500_000);

    private final Keystore keystore;
    private final ChainConnection chain;
    private final AccountService accounts;

    public AccountDeployer(Keystore keystore, ChainConnection chain) {
        this.keystore = keystore;
        this.chain = chain;
        this.accounts = new AccountService(keystore, chain);
    }

    /** What {@link #fund} did. */
    public record Funded(Address account, Funding amounts, Deployment deployment) { }

    /** Devnet only: ETH and test tokens from the faucet, then deployment through the faucet if needed. */
    public Funded fund(Sessions.Account account, BigDecimal eth, BigDecimal usdc, BigDecimal dai, BigDecimal weth)
            throws KeystoreException {
        Manifest manifest = devnetManifest("fund");
        Funding funding = new Funding(account.address(), eth, usdc, dai, weth);
        new DevnetFaucet(chain.node(), manifest, DevnetConfig.defaults(Networks.defaultDevnetDir()).nodeModules()).fund(funding);
        keystore.activity().append(ActivityKind.ACCOUNT_FUNDED, account.address(), "faucet: " + eth + " ETH, " + usdc + " USDC, " + dai
                + " DAI, " + weth + " WETH");
        return new Funded(Address.parse("account", account.address()), funding, deploy(account));
    }

    /** Deploys {@code account} unless it has code: through the faucet on the devnet, by one owner operation elsewhere. */
    public Deployment deploy(Sessions.Account account) throws KeystoreException {
        SmartAccountClient client = accounts.client(account);
        if (client.isDeployed()) return new Deployment.AlreadyDeployed(client.address());
        return chain.profile().isDevnet() ? byFaucet(client) : byOwner(client, account);
    }

    private Deployment byFaucet(SmartAccountClient client) throws KeystoreException {
        Manifest manifest = devnetManifest("deploy");
        String faucet = manifest.accounts().getOrDefault("deployer", DevnetKeys.ANVIL_ACCOUNT_0);
        Address factory = client.factory().orElseThrow(() -> new WalletException(WalletException.Kind.STATE, "account "
                + client.address().checksummed() + " has no code and no known factory"));
        String hash = chain.node().sendFromUnlocked(faucet, factory.hex(), BigInteger.ZERO, client.factoryData().hex(), DEPLOY_GAS);
        TxReceipt receipt = chain.node().waitForReceipt(hash);
        if (!receipt.success() || !client.isDeployed()) {
            throw new WalletException(WalletException.Kind.STATE, "the factory call " + hash + " did not deploy "
                    + client.address().checksummed());
        }
        keystore.activity().append(ActivityKind.ACCOUNT_DEPLOYED, client.address().checksummed(), "by the devnet faucet, tx " + hash);
        return new Deployment.ByFaucet(client.address(), hash);
    }

    private Deployment byOwner(SmartAccountClient client, Sessions.Account account) throws KeystoreException {
        OwnerOperations owner = new OwnerOperations(client, chain.sender());
        // A harmless call: the operation exists to carry the initCode.
        HexBytes probe = HexBytes.parse("callData", Abi.call("isInitialized(address)", ChainReads.addr(client.address())));
        List<Execution> calls = List.of(new Execution(chain.profile().smartSession(), BigInteger.ZERO, probe));
        UserOperationReceipt receipt = keystore.keys().withOwnerKey(account.ownerAddress(),
                key -> owner.execute(calls, List.of(ECKeyPair.create(key.bytes()))));
        keystore.activity().append(OwnerSignatures.KIND, client.address().checksummed(), "deploy (owner operation "
                + receipt.userOpHash().hex() + ")");
        if (!receipt.success()) {
            throw new WalletException(WalletException.Kind.STATE, "the deployment operation was included but failed: "
                    + receipt.transactionHash());
        }
        return new Deployment.ByOwner(client.address(), receipt.transactionHash());
    }

    private Manifest devnetManifest(String what) {
        return chain.profile().devnet().orElseThrow(() -> new WalletException(WalletException.Kind.STATE, what
                + " through the faucet exists only on the devnet; on " + chain.profile().name()
                + " send ETH to the account from another wallet or a public faucet"));
    }
}
