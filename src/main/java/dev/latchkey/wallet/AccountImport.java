package dev.latchkey.wallet;

import dev.latchkey.aa.flow.OwnerOperations;
import dev.latchkey.aa.flow.SmartAccountClient;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SecretInfo;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.ECKeyPair;

/**
 * {@code account import}: an ERC-7579 account created outside Latchkey. It is asked what it is ({@code accountId},
 * {@code supportsModule(1)}, {@code entryPoint}) and who controls it (Safe7579: the Safe's owners and threshold;
 * LatchkeyAccount: OwnableValidator's owners); it is stored only when one of the vault's owner keys controls it alone.
 * Anything else is refused with the reason and nothing is stored. A stored account without SmartSession gets it with
 * one owner-signed {@code installModule(1, SmartSession, "")}.
 */
public final class AccountImport {

    private final Keystore keystore;
    private final ChainConnection chain;
    private final AccountReads reads;

    public AccountImport(Keystore keystore, ChainConnection chain) {
        this.keystore = keystore;
        this.chain = chain;
        this.reads = new AccountReads(chain);
    }

    /** What an import found and did. */
    public record Imported(Address address, Address owner, AccountKind kind, String accountId, boolean alreadyRegistered,
                    Optional<String> installTransaction) { }

    public Imported run(String addressText, String label) throws KeystoreException {
        Address address = Address.parse("--address", addressText);
        Recognised r = recognise(address);
        Address owner = controller(address, r.kind());
        List<Sessions.Account> known = keystore.sessions().accounts();
        boolean already = known.stream().anyMatch(a -> Address.parse("account", a.address()).equals(address));
        if (!already) {
            keystore.settings().put(AccountKinds.kindKey(address), AccountKinds.name(r.kind()));
            keystore.settings().put(AccountKinds.importedKey(address), "true");
            keystore.sessions().addAccount(new Sessions.Account(address.checksummed(), owner.checksummed(),
                    label == null || label.isBlank() ? "imported " + AccountKinds.name(r.kind()) : label));
            keystore.activity().append(dev.latchkey.keystore.ActivityKind.ACCOUNT_IMPORTED, address.checksummed(), r.accountId() + " owner " + owner.checksummed()
                    + " on " + chain.profile().name());
        }
        return new Imported(address, owner, r.kind(), r.accountId(), already, installSmartSession(address, r.kind(), owner));
    }

    private record Recognised(AccountKind kind, String accountId) { }

    private Recognised recognise(Address address) {
        String where = " on " + chain.profile().name();
        if (!chain.node().hasCode(address.hex())) {
            throw refused(address.checksummed() + " has no code" + where + ": only a deployed smart account can be imported"
                    + " (an address without code is an ordinary key account, or not deployed yet)");
        }
        Optional<String> id = reads.accountId(address);
        if (id.isEmpty()) {
            throw refused(address.checksummed() + " is not an ERC-7579 account: it does not answer accountId()");
        }
        if (!reads.supportsValidators(address)) {
            throw refused(address.checksummed() + " (" + id.get() + ") does not support ERC-7579 validator modules (supportsModule(1)"
                    + " is false): SmartSession cannot be installed on it");
        }
        AccountKind kind = kindOf(address, id.get());
        try {
            AccountKinds.requireSupported(kind);
        } catch (WalletException e) {
            throw refused(address.checksummed() + " (" + id.get() + "): " + e.getMessage());
        }
        Optional<Address> ep = reads.entryPoint(address);
        if (ep.isEmpty() || !ep.get().equals(chain.profile().entryPoint())) {
            throw refused(address.checksummed() + " (" + id.get() + ") does not use EntryPoint v0.7 at "
                    + chain.profile().entryPoint().checksummed() + (ep.map(a -> " (it uses " + a.checksummed() + ")").orElse("")));
        }
        return new Recognised(kind, id.get());
    }

    private AccountKind kindOf(Address address, String id) {
        // The adapter modulekit 0.5.9 ships says "rhinestone.safe7579.v1.0.0"; later sources say "safe-<version>.erc7579.…".
        if (id.startsWith("rhinestone.safe7579.") || id.startsWith("safe-") && id.contains(".erc7579.")) return AccountKind.SAFE7579;
        if (id.startsWith("latchkey.account.")) return AccountKind.LATCHKEY;
        if (id.equals("kernel.advanced.v0.3.1")) return AccountKind.KERNEL;
        if (id.startsWith("kernel.")) {
            throw refused(address.checksummed() + " is a Kernel Latchkey has not verified ('" + id + "'): only kernel.advanced.v0.3.1"
                    + " is supported (its ERC-1271 wrapper is bound to the implementation's EIP-712 version)");
        }
        if (id.startsWith("biconomy.nexus.")) return AccountKind.NEXUS;
        throw refused(address.checksummed() + " is an ERC-7579 account Latchkey does not know ('" + id + "'): supported are"
                + " Safe7579, Kernel v0.3.1 and LatchkeyAccount; Nexus is recognised but not driven yet");
    }

    /** The vault's owner key that controls {@code address} alone, or a refusal saying who does. */
    private Address controller(Address address, AccountKind kind) throws KeystoreException {
        List<Address> vault = keystore.keys().ownerKeys().stream().map(SecretInfo::publicRef).map(a -> Address.parse("owner", a)).toList();
        AccountReads.Owners owners = switch (kind) {
            case SAFE7579 -> reads.safeOwners(address, AccountKinds.safe(chain.profile()).adapter());
            case KERNEL -> reads.kernelOwners(address, chain.profile().ownableValidator());
            default -> reads.ownableOwners(address, chain.profile().ownableValidator());
        };
        Optional<Address> mine = owners.owners().stream().filter(vault::contains).findFirst();
        if (mine.isEmpty()) {
            throw refused(address.checksummed() + " is controlled by " + owners.describe() + "; none of them is an owner key of this"
                    + " vault (" + (vault.isEmpty() ? "it holds none" : String.join(", ", vault.stream().map(Address::checksummed).toList()))
                    + "): import that key first with 'latchkey wallet import-key'");
        }
        if (owners.threshold() != 1) {
            throw refused(address.checksummed() + " needs " + owners.threshold() + " owner signatures (" + owners.describe()
                    + "); this wallet signs with one owner key");
        }
        return mine.get();
    }

    private Optional<String> installSmartSession(Address address, AccountKind kind, Address owner) throws KeystoreException {
        Address smartSession = chain.profile().smartSession();
        if (reads.isValidatorInstalled(address, smartSession)) return Optional.empty();
        SmartAccountClient client = AccountClients.existing(chain, kind, address);
        OwnerOperations ops = new OwnerOperations(client, chain.sender());
        HexBytes callData = client.encoding().installValidator(smartSession, HexBytes.EMPTY);
        UserOperationReceipt receipt = keystore.keys().withOwnerKey(owner.checksummed(),
                key -> ops.send(callData, List.of(ECKeyPair.create(key.bytes()))));
        keystore.activity().append(OwnerSignatures.KIND, address.checksummed(), "install SmartSession (owner operation "
                + receipt.userOpHash().hex() + ")");
        if (!receipt.success() || !reads.isValidatorInstalled(address, smartSession)) {
            throw new WalletException(WalletException.Kind.STATE, "installing SmartSession on " + address.checksummed()
                    + " was included but failed (" + receipt.transactionHash() + "); the account is registered: run 'account import' again");
        }
        return Optional.of(receipt.transactionHash());
    }

    private static WalletException refused(String message) {
        return new WalletException(WalletException.Kind.UNSUPPORTED_ACCOUNT, message + ". Nothing was stored.");
    }
}
