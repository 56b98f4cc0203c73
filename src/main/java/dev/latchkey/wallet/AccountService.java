package dev.latchkey.wallet;

import dev.latchkey.keystore.ActivityKind;
import dev.latchkey.aa.account.AccountSpec;
import dev.latchkey.aa.flow.SmartAccountClient;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SecretInfo;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.util.List;
import java.util.Optional;

/**
 * The wallet's smart accounts on one network: create (counterfactual LatchkeyAccount of an owner key in the vault,
 * SmartSession installed), show (deployment, balances, Aave position), and on the devnet fund and deploy through the
 * faucet. Deployment never needs the owner's signature: the factory is permissionless and the address commits to
 * the owner (docs/wallet.md, "Deployment").
 */
public final class AccountService {

    private final Keystore keystore;
    private final ChainConnection chain;

    public AccountService(Keystore keystore, ChainConnection chain) {
        this.keystore = keystore;
        this.chain = chain;
    }

    /** A new (or the already registered) account. {@code newOwnerKey} says whether an owner key was generated for it. */
    public record Created(Address address, Address owner, int index, boolean deployed, boolean alreadyRegistered,
                          boolean newOwnerKey, AccountKind kind) { }

    /**
     * Registers the account of {@code owner} (default: the vault's only owner key; a new key if there is none) at
     * {@code index}. Idempotent: the same owner and index give the same address.
     */
    public Created create(Optional<String> owner, int index, String label) throws KeystoreException {
        return create(owner, index, label, AccountKind.LATCHKEY);
    }

    /** {@link #create(Optional, int, String)} of an account of {@code kind} (LatchkeyAccount or Safe7579). */
    public Created create(Optional<String> owner, int index, String label, AccountKind kind) throws KeystoreException {
        AccountKinds.requireSupported(kind);
        List<SecretInfo> owners = keystore.keys().ownerKeys();
        boolean generated = false;
        Address ownerAddress;
        if (owner.isPresent()) {
            ownerAddress = Address.parse("--owner", owner.get());
            if (owners.stream().noneMatch(k -> Address.parse("owner", k.publicRef()).equals(ownerAddress))) {
                throw new WalletException(WalletException.Kind.NOT_FOUND, "the vault holds no owner key " + ownerAddress.checksummed()
                        + "; import it with 'latchkey wallet import-key'");
            }
        } else if (owners.isEmpty()) {
            ownerAddress = Address.parse("owner", keystore.keys().createOwnerKey("owner").publicRef());
            generated = true;
        } else if (owners.size() == 1) {
            ownerAddress = Address.parse("owner", owners.get(0).publicRef());
        } else {
            throw new WalletException(WalletException.Kind.INVALID, "the vault holds several owner keys; pick one with --owner: "
                    + String.join(", ", owners.stream().map(SecretInfo::publicRef).toList()));
        }
        HexBytes salt = AccountSpecs.salt(ownerAddress, index);
        SmartAccountClient client = AccountClients.counterfactual(chain, kind, ownerAddress, salt);
        Address address = client.address();
        boolean known = registered().stream().anyMatch(a -> Address.parse("account", a.address()).equals(address));
        keystore.settings().put(AccountSpecs.saltKey(address), salt.hex());
        if (kind != AccountKind.LATCHKEY) keystore.settings().put(AccountKinds.kindKey(address), AccountKinds.name(kind));
        keystore.sessions().addAccount(new Sessions.Account(address.checksummed(), ownerAddress.checksummed(),
                label == null || label.isBlank() ? "account " + index : label));
        keystore.activity().append(ActivityKind.ACCOUNT_CREATED, address.checksummed(), AccountKinds.name(kind) + " owner " + ownerAddress.checksummed() + " index "
                + index + " on " + chain.profile().name() + (generated ? " (new owner key)" : ""));
        return new Created(address, ownerAddress, index, client.isDeployed(), known, generated, kind);
    }

    /** Address, deployment, balances and Aave position of {@code account} (default: the wallet's only account). */
    public AccountView show(Optional<String> account) throws KeystoreException {
        Sessions.Account a = resolve(account);
        Address address = Address.parse("account", a.address());
        NetworkProfile p = chain.profile();
        return new AccountView(p.name(), p.chainId(), address, Address.parse("owner", a.ownerAddress()), a.label(),
                chain.node().hasCode(address.hex()), chain.node().balance(address.hex()),
                ChainReads.balances(chain.node(), p.tokens(), address), ChainReads.aave(chain.node(), p.aavePool(), p.tokens(), address));
    }

    /** The registered account {@code account}, or the only one when absent. */
    public Sessions.Account resolve(Optional<String> account) throws KeystoreException {
        List<Sessions.Account> all = registered();
        if (account.isPresent()) {
            Address wanted = Address.parse("--account", account.get());
            return all.stream().filter(a -> Address.parse("account", a.address()).equals(wanted)).findFirst()
                    .orElseThrow(() -> new WalletException(WalletException.Kind.NOT_FOUND, "account " + wanted.checksummed()
                            + " is not in this wallet; see 'latchkey account show' or create one with 'latchkey account create'"));
        }
        if (all.isEmpty()) {
            throw new WalletException(WalletException.Kind.NOT_FOUND, "this wallet has no account yet; create one with"
                    + " 'latchkey account create'");
        }
        if (all.size() > 1) {
            throw new WalletException(WalletException.Kind.INVALID, "this wallet has several accounts; pick one with --account: "
                    + String.join(", ", all.stream().map(Sessions.Account::address).toList()));
        }
        return all.get(0);
    }

    /** The account client of a registered account (its kind, and its stored salt unless it was imported). */
    public SmartAccountClient client(Sessions.Account account) throws KeystoreException {
        Address address = Address.parse("account", account.address());
        AccountKind kind = AccountKinds.stored(keystore.settings(), address);
        if (AccountKinds.imported(keystore.settings(), address)) return AccountClients.existing(chain, kind, address);
        AccountSpec spec = AccountSpecs.stored(keystore.settings(), address, Address.parse("owner", account.ownerAddress()));
        SmartAccountClient client = AccountClients.counterfactual(chain, kind, Address.parse("owner", account.ownerAddress()), spec.salt());
        if (!client.address().equals(address)) {
            throw new WalletException(WalletException.Kind.STATE, "account " + address.checksummed() + " does not match its stored"
                    + " spec on " + chain.profile().name() + " (factory gives " + client.address().checksummed()
                    + "); was it created on a network with another factory?");
        }
        return client;
    }

    /** The stored kind of a registered account. */
    public AccountKind kind(Sessions.Account account) throws KeystoreException {
        return AccountKinds.stored(keystore.settings(), Address.parse("account", account.address()));
    }

    private List<Sessions.Account> registered() throws KeystoreException {
        return keystore.sessions().accounts();
    }
}
