package dev.latchkey.wallet;

import dev.latchkey.aa.account.AccountEncoding;
import dev.latchkey.aa.account.KernelEncodings;
import dev.latchkey.aa.account.KernelStack;
import dev.latchkey.aa.account.SafeStack;
import dev.latchkey.devnet.Manifest;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Settings;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The account kinds a wallet account can be (docs/wallet.md §2): their names on the command line, where each kind's
 * stack is deployed on a network, and the kind stored per account ({@code account.<address>.kind} in settings; an
 * account without it is a LatchkeyAccount, as every account was before kinds existed).
 */
public final class AccountKinds {

    private AccountKinds() { }

    /** {@code latchkey}, {@code safe7579}, {@code kernel}, {@code nexus}. */
    public static AccountKind parse(String option, String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
            case "latchkey" -> AccountKind.LATCHKEY;
            case "safe7579", "safe" -> AccountKind.SAFE7579;
            case "kernel" -> AccountKind.KERNEL;
            case "nexus" -> AccountKind.NEXUS;
            default -> throw new WalletException(WalletException.Kind.INVALID, option + " must be latchkey, safe7579, kernel or nexus, not '"
                    + value + "'");
        };
    }

    public static String name(AccountKind kind) {
        return switch (kind) {
            case LATCHKEY -> "latchkey";
            case SAFE7579 -> "safe7579";
            case KERNEL -> "kernel";
            case NEXUS -> "nexus";
            case ERC7579_REFERENCE -> "erc7579-reference";
        };
    }

    /** Kinds Latchkey can create and drive today; the others are refused with why. */
    static void requireSupported(AccountKind kind) {
        String why = switch (kind) {
            case LATCHKEY, SAFE7579, KERNEL -> null;
            case NEXUS -> "Nexus accounts are not supported yet: Nexus's nonce key layout and ERC-1271 wrapper are not encoded"
                    + " by this version";
            case ERC7579_REFERENCE -> "the ERC-7579 reference account is a test account, not supported";
        };
        if (why != null) throw new WalletException(WalletException.Kind.INVALID, why);
    }

    /** The Safe7579 stack of {@code profile}: on the devnet from its manifest. */
    static SafeStack safe(NetworkProfile profile) {
        Manifest m = profile.devnet().orElseThrow(() -> new WalletException(WalletException.Kind.MISSING_DEPLOYMENT, "network "
                + profile.name() + " has no Safe7579 stack configured (Safe singleton, proxy factory, adapter, launchpad);"
                + " Safe7579 accounts can be created on the devnet"));
        try {
            return new SafeStack(addr(m, "SafeSingleton"), addr(m, "SafeProxyFactory"), addr(m, "Safe7579"), addr(m, "Safe7579Launchpad"));
        } catch (NoSuchElementException e) {
            throw new WalletException(WalletException.Kind.MISSING_DEPLOYMENT, e.getMessage()
                    + "; the devnet predates the Safe7579 stack: restart it with 'latchkey devnet up'", e);
        }
    }

    /** The Kernel v3.1 implementation and factory of {@code profile}: on the devnet from its manifest. */
    static KernelStack kernel(NetworkProfile profile) {
        Manifest m = profile.devnet().orElseThrow(() -> new WalletException(WalletException.Kind.MISSING_DEPLOYMENT, "network "
                + profile.name() + " has no Kernel v3.1 implementation and factory configured; Kernel accounts can be created on the devnet"));
        try {
            return new KernelStack(addr(m, "Kernel"), addr(m, "KernelFactory"));
        } catch (NoSuchElementException e) {
            throw new WalletException(WalletException.Kind.MISSING_DEPLOYMENT, e.getMessage()
                    + "; the devnet predates Kernel: restart it with 'latchkey devnet up'", e);
        }
    }

    /** How the account's kind is encoded on {@code profile}. */
    static AccountEncoding encoding(AccountKind kind, NetworkProfile profile) {
        requireSupported(kind);
        return switch (kind) {
            case SAFE7579 -> new AccountEncoding.Safe7579(safe(profile).adapter());
            case KERNEL -> new AccountEncoding.Kernel(profile.ownableValidator(), KernelEncodings.VERSION);
            default -> new AccountEncoding.Latchkey(profile.ownableValidator());
        };
    }

    static String kindKey(Address account) {
        return "account." + account.checksummed() + ".kind";
    }

    static String importedKey(Address account) {
        return "account." + account.checksummed() + ".imported";
    }

    static AccountKind stored(Settings settings, Address account) throws KeystoreException {
        String v = settings.get(kindKey(account));
        return v == null ? AccountKind.LATCHKEY : parse("kind", v);
    }

    static boolean imported(Settings settings, Address account) throws KeystoreException {
        return "true".equals(settings.get(importedKey(account)));
    }

    private static Address addr(Manifest m, String name) {
        return Address.parse(name, m.address(name));
    }
}
