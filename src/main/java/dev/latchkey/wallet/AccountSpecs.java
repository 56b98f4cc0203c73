package dev.latchkey.wallet;

import dev.latchkey.aa.account.AccountSpec;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Settings;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.crypto.Hash;

/**
 * What a wallet account is made of: one ECDSA owner (threshold 1) on OwnableValidator, SmartSession installed empty,
 * and a factory salt derived from the owner and an index, {@code keccak256("latchkey.account.v1" ‖ owner ‖ uint32
 * index)} — so the address can be found again from the owner key alone (restore from a backup of the key). The salt
 * is also kept in the wallet's settings so the spec never has to be guessed.
 */
public final class AccountSpecs {

    private static final byte[] DOMAIN = "latchkey.account.v1".getBytes(StandardCharsets.US_ASCII);

    private AccountSpecs() { }

    public static HexBytes salt(Address owner, int index) {
        if (index < 0) throw new WalletException(WalletException.Kind.INVALID, "account index must not be negative: " + index);
        ByteBuffer b = ByteBuffer.allocate(DOMAIN.length + 20 + 4);
        b.put(DOMAIN).put(owner.bytes()).putInt(index);
        return HexBytes.of(Hash.sha3(b.array()));
    }

    public static AccountSpec spec(Address owner, HexBytes salt) {
        return AccountSpec.ecdsa(salt, List.of(owner), 1);
    }

    static String saltKey(Address account) {
        return "account." + account.checksummed() + ".salt";
    }

    /** The spec of a registered account (its owner and the stored salt). */
    static AccountSpec stored(Settings settings, Address account, Address owner) throws KeystoreException {
        String salt = settings.get(saltKey(account));
        if (salt == null) {
            throw new WalletException(WalletException.Kind.NOT_FOUND, "the wallet has no factory salt for account "
                    + account.checksummed() + "; it was not created by 'latchkey account create'");
        }
        return spec(owner, HexBytes.parseFixed("salt", salt, 32));
    }
}
