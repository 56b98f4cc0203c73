package dev.latchkey.devnet;

import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The devnet's well-known accounts. Devnet only: these keys are public by construction (derived from fixed
 * labels), so they must never hold value on a real network.
 *
 * @param deployer           anvil's first dev account (unlocked in anvil): deploys and administers everything
 * @param bundlerExecutorKey Alto's executor (sends handleOps bundles)
 * @param bundlerUtilityKey  Alto's utility account
 * @param directSubmitterKey the key the wallet uses for direct submission when there is no bundler
 */
public record DevnetKeys(String deployer, String bundlerExecutorKey, String bundlerUtilityKey,
                         String directSubmitterKey) {

    /** anvil's account 0 for its default mnemonic. */
    public static final String ANVIL_ACCOUNT_0 = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

    public static DevnetKeys standard() {
        return new DevnetKeys(ANVIL_ACCOUNT_0, derive("latchkey devnet bundler executor"),
                derive("latchkey devnet bundler utility"), derive("latchkey devnet direct submitter"));
    }

    public static String addressOf(String privateKey) {
        return Credentials.create(privateKey).getAddress();
    }

    public ECKeyPair directSubmitter() {
        return ECKeyPair.create(Numeric.hexStringToByteArray(directSubmitterKey));
    }

    private static String derive(String label) {
        return Numeric.toHexString(Hash.sha3(label.getBytes(StandardCharsets.US_ASCII)));
    }
}
